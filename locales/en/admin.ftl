# The admin pages' bodies: the rounds list and the create-round form, and one round's page.
# Counts ($n, $people, $reminders, …) are numbers, so the plural form follows them.

## The rounds list

adm-title = Admin
adm-departments-link = Departments and weights
adm-create = Create a round
adm-rounds = Rounds
adm-rounds-none = No rounds yet. Import the roster, then create a round below.
adm-col-quarter = Quarter
adm-col-survey = Survey
adm-col-status = Status
adm-col-closes = Closes
adm-col-answered = Answered
adm-col-actions = Actions
adm-details = Details
adm-preview = Preview
adm-field-closes = Last day to answer (YYYY-MM-DD)
adm-field-merge = Merge departments for reporting (e.g. ceo+bd; optional)
adm-create-submit = Create draft
adm-roster-summary = { $people ->
    [one] { $people } person on the roster, { $active } active.
   *[other] { $people } people on the roster, { $active } active.
}
adm-progress = { $answered } of { $delivered } ({ $rate })
adm-next-scheduled = Next scheduled: { $step } of { $survey } ({ $quarter }) at { $at }.
adm-step-launch = launch
adm-step-remind = day-{ $day } reminder
adm-step-close = close and seal
adm-status-draft = draft
adm-status-open = open
adm-status-closed = closed
adm-status-sealed = sealed
adm-action-launch = Launch
adm-action-remind = Remind
adm-action-close = Close now

## One round

adm-round-title = Round
adm-back = ← Admin
adm-round-status = Status:
adm-round-closes = closes at the end of { $date }
adm-round-pending = { $n ->
    [one] { $n } email waiting to be sent
   *[other] { $n } emails waiting to be sent
}
adm-close-heading = Close this round now?
adm-close-body = { $answered } of { $delivered } delivered invitations have been answered. Closing seals the round at once: every survey link stops working, the answers are shuffled and stored under new ids, unsent emails are cancelled, and results appear on the scorecard. This cannot be undone.
adm-close-submit = Close and seal
adm-keep-open = Keep it open
adm-remind-heading = Send reminders now?
adm-remind-nobody = Nobody would get a reminder now: everyone who has not answered already has a message waiting.
adm-remind-nobody-held = Nobody would get a reminder now: everyone who has not answered ({ $held }) was reminded in the last { $hours } hours or already has a message waiting.
adm-remind-plan = { $reminders ->
    [one] { $reminders } person who has not answered gets a reminder.
   *[other] { $reminders } people who have not answered get a reminder.
}
adm-remind-plan-reinvites = { $reminders ->
    [one] { $reminders } person who has not answered gets a reminder
   *[other] { $reminders } people who have not answered get a reminder
}, and { $reinvites ->
    [one] { $reinvites } whose address bounced gets a fresh invitation.
   *[other] { $reinvites } whose address bounced get a fresh invitation.
}
adm-remind-held = { $held ->
    [one] { $held } reminded in the last { $hours } hours is not reminded again.
   *[other] { $held } reminded in the last { $hours } hours are not reminded again.
}
adm-remind-answered = Nobody who has answered gets anything.
adm-remind-send = { $n ->
    [one] Send { $n } message
   *[other] Send { $n } messages
}
adm-back-button = Back
adm-not-now = Not now
adm-roster-changed = { $n ->
    [one] The roster changed once in the 7 days before this round was launched (see the audit log).
   *[other] The roster changed { $n } times in the 7 days before this round was launched (see the audit log).
}
adm-check-heading = Check the survey
adm-check-intro = The preview shows the survey exactly as people will see it; nothing can be answered from it.
adm-language = Language
adm-department = Department
adm-open-preview = Open the preview
adm-sample-heading = Send a sample invitation
adm-sample-intro = The round's real invitation, marked as a sample. Its link opens the preview, so it can never count as an answer.
adm-send-to = Send to
adm-send-sample = Send sample
adm-participation = Participation
adm-not-invited = Nobody has been invited yet: launch the round to send the invitations.
adm-participation-caption = Per reporting group (who answered is known; what they answered is not)
adm-col-group = Group
adm-col-invited = Invited
adm-col-delivered = Delivered
adm-col-undeliverable = Undeliverable
adm-col-rate = Response rate
adm-all = All
adm-waves = Reminder waves
adm-waves-caption = Each wave reaches only those who had not answered and were not reminded in the { $hours } hours before
adm-col-sent = Sent
adm-col-by = By
adm-col-reminders = Reminders
adm-col-reinvites = Re-invitations
adm-col-held-back = Held back
adm-by-schedule = Schedule
adm-by-cli = Command line ({ $actor })
adm-by-admin = Admin page ({ $actor })
adm-undeliverable = Undeliverable ({ $n })
# { $roster } is the link to the roster page.
adm-undeliverable-intro = The mail server refused these addresses. Fix them in the roster ({ $roster }), then press Remind: it re-invites them.
