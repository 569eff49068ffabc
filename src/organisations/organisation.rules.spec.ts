import { OrganisationKind } from './organisation-kind';
import { agsOf, arsProblem, checkOrganisationKey, parentProblem } from './organisation.rules';

describe('ARS validation', () => {
  it.each([
    [OrganisationKind.MUNICIPALITY, '010020000000', null], // Kiel
    [OrganisationKind.MUNICIPALITY, '010585890008', null], // Ascheffel
    [OrganisationKind.AMT, '010585890', null], // Amt Hüttener Berge
    [OrganisationKind.DISTRICT, '010580000000', null], // Kreis Rendsburg-Eckernförde
    [OrganisationKind.STATE, '010000000000', null],
    [OrganisationKind.STATE, '160000000000', null], // Thüringen
    [OrganisationKind.MUNICIPALITY, '01002000000', 'has 12 digits, got 11'],
    [OrganisationKind.MUNICIPALITY, '01002000000A', 'digits only'],
    [OrganisationKind.MUNICIPALITY, '170020000000', 'state code 17'],
    [OrganisationKind.MUNICIPALITY, '000020000000', 'state code 00'],
    [OrganisationKind.AMT, '010585890008', 'has 9 digits, got 12'],
    [OrganisationKind.AMT, '010000000', 'neither all zeros'],
    [OrganisationKind.AMT, '010580000', 'neither all zeros'],
    [OrganisationKind.DISTRICT, '010585890008', 'five digits followed by seven zeros'],
    [OrganisationKind.DISTRICT, '010000000000', 'five digits followed by seven zeros'],
    [OrganisationKind.STATE, '010020000000', 'ten zeros'],
  ])('%s %s', (kind, ars, problem) => {
    const result = arsProblem(kind, ars);
    if (problem === null) {
      expect(result).toBeNull();
    } else {
      expect(result).toContain(problem);
    }
  });

  it('derives the AGS from a 12-digit ARS only', () => {
    expect(agsOf('010020000000')).toBe('01002000');
    expect(agsOf('010585890008')).toBe('01058008');
    expect(agsOf('010585890')).toBeNull();
    expect(agsOf(null)).toBeNull();
  });

  it('keys public bodies by ARS and others by slug', () => {
    expect(checkOrganisationKey({ key: '010020000000', kind: OrganisationKind.MUNICIPALITY })).toEqual({
      ars: '010020000000',
      problems: [],
    });
    expect(checkOrganisationKey({ key: 'dataport', kind: OrganisationKind.SERVICE_PROVIDER })).toEqual({
      ars: null,
      problems: [],
    });
    expect(
      checkOrganisationKey({ key: 'data_port', kind: OrganisationKind.SERVICE_PROVIDER }).problems[0].field,
    ).toBe('key');
    expect(
      checkOrganisationKey({ key: '010020000000', ars: '010030000000', kind: OrganisationKind.MUNICIPALITY })
        .problems[0].field,
    ).toBe('key');
  });

  it('checks that a parent contains its member', () => {
    const amt = { kind: OrganisationKind.AMT, ars: '010585890', key: '010585890' };
    const district = { kind: OrganisationKind.DISTRICT, ars: '010580000000', key: '010580000000' };
    const kiel = { kind: OrganisationKind.MUNICIPALITY, ars: '010020000000', key: '010020000000' };
    expect(parentProblem({ kind: OrganisationKind.MUNICIPALITY, ars: '010585890008' }, amt)).toBeNull();
    expect(parentProblem({ kind: OrganisationKind.AMT, ars: '010585890' }, district)).toBeNull();
    expect(parentProblem({ kind: OrganisationKind.MUNICIPALITY, ars: '010510044044' }, district)).toContain(
      'does not contain',
    );
    expect(parentProblem({ kind: OrganisationKind.MUNICIPALITY, ars: '010020000001' }, kiel)).toContain(
      'not a municipality',
    );
    expect(parentProblem({ kind: OrganisationKind.DISTRICT, ars: '010580000000' }, amt)).toContain(
      'not an Amt',
    );
    const provider = { kind: OrganisationKind.SERVICE_PROVIDER, ars: null, key: 'dataport' };
    expect(parentProblem({ kind: OrganisationKind.MUNICIPALITY, ars: '010020000000' }, provider)).toContain(
      'not a service provider',
    );
    expect(parentProblem({ kind: OrganisationKind.SERVICE_PROVIDER, ars: null }, district)).toBeNull();
  });
});
