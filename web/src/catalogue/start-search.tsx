/** On the start page: the search box and the catalogue's figures. */
export function StartSearch() {
  return null;
}
