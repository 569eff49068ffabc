import { Module } from '@nestjs/common';
import { CampaignsModule } from '#src/campaigns/campaigns.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { QaModule } from '#src/qa/qa.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { Mailer } from './mailer';
import { NotificationNotices } from './notification-notices';
import { NotificationOutbox } from './notification-outbox';
import { NotificationWorker } from './notification-worker';
import { NotificationRepository } from './notification.repository';
import { NotificationChannelResolver, NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Notifications out (docs/notifications.md): the lower modules' in-transaction events become rows
 * of an outbox (NotificationOutbox); the worker distributes them to their recipients and sends
 * them by signed webhook and e-mail. No other module knows this one.
 */
@Module({
  imports: [OrganisationsModule, QaModule, ReleasesModule, CampaignsModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationRepository,
    NotificationOutbox,
    NotificationNotices,
    NotificationsService,
    NotificationsResolver,
    NotificationChannelResolver,
    Mailer,
    NotificationWorker,
  ],
  exports: [NotificationWorker],
})
export class NotificationsModule {}
