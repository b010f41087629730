import type { viNotifications } from './notifications.vi';

/** English strings of notifications, e-mail preferences, the calendar feed and the outbox. */
export const enNotifications: Record<keyof typeof viNotifications, string> = {
  'menu.outbox': 'Outbox',
  'menu.notificationSettings': 'Notifications and calendar',
  'notif.title': 'Notifications',
  'notif.readAll': 'Mark all read',
  'notif.markRead': 'Mark read',
  'notif.settings': 'Settings',
  'notif.empty': 'No notifications yet.',
  'notif.kind.plan-published': 'Plan',
  'notif.kind.reminder': 'Reminder',
  'notif.kind.overdue': 'Overdue',
  'notif.kind.urge': 'Urged',
  'notif.kind.task-done': 'Done',
  'notif.kind.round': 'Scoring',
  'notif.kind.approval': 'Approval',
  'notif.kind.registration': 'Registration',
  'notif.kindHint.round':
    'a scoring round opens, closes, is reopened for a unit, or its results are published',
  'notif.kindHint.approval': 'requests waiting for your approval, and decisions on your requests',
  'notif.kindHint.registration': 'title registrations sent, returned and accepted',
  'notif.kindHint.plan-published': 'the plan is published or updated, with your unit’s tasks',
  'notif.kindHint.reminder': 'reminders before a deadline (by default 7 days and 1 day)',
  'notif.kindHint.overdue': 'a task of your unit is overdue',
  'notif.kindHint.urge': 'the head or deputy urges your unit',
  'notif.kindHint.task-done': 'a task was completed',
  'notif.settingsTitle': 'Notifications and calendar',
  'notif.emailTitle': 'Notifications by e-mail',
  'notif.emailTo': 'E-mails go to: {address}',
  'notif.noAddress':
    'Your account has no e-mail address; ask an administrator to add one to receive e-mails.',
  'notif.inAppAlways': 'In-app notifications always arrive; choose which kinds you also want by e-mail:',
  'calendar.title': 'Your unit’s calendar (.ics)',
  'calendar.hint':
    'Add this address to Outlook or Google Calendar ("From URL") to see your unit’s deadlines and events; it updates itself.',
  'calendar.copy': 'Copy',
  'calendar.copied': 'Calendar address copied',
  'calendar.copyManually': 'Could not copy automatically; select the address and copy it.',
  'calendar.createdAt': 'Address created {at}',
  'calendar.private':
    'Anyone with this address can read your unit’s calendar. If it was shared by mistake, replace it.',
  'calendar.rotate': 'Replace address',
  'calendar.rotateConfirm':
    'The old address stops working at once; subscribed calendars must be added again. Continue?',
  'calendar.rotated': 'Calendar address replaced',
  'calendar.onlyUnits': 'The .ics calendar is for officers and leaders of member units.',
  'outbox.title': 'Outbox',
  'outbox.smtpOn': 'SMTP is configured: e-mails are sent and kept here.',
  'outbox.smtpOff':
    'SMTP is not configured: e-mails are kept here, never dropped, and go out once SMTP is configured.',
  'outbox.createdAt': 'Time',
  'outbox.to': 'To',
  'outbox.subject': 'Subject and text',
  'outbox.status.pending': 'Not sent',
  'outbox.status.sent': 'Sent',
  'outbox.status.failed': 'Failed',
};
