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

## Notices after an action on a round

adm-launched = { $n ->
    [one] Launched: { $n } invitation queued; k = { $k }, comments from { $comments } answers.
   *[other] Launched: { $n } invitations queued; k = { $k }, comments from { $comments } answers.
}
adm-launched-warn = { $n ->
    [one] Note: the roster changed once in the last 7 days.
   *[other] Note: the roster changed { $n } times in the last 7 days.
}
adm-reminded = { $reminders ->
    [one] { $reminders } reminder
   *[other] { $reminders } reminders
} and { $reinvites ->
    [one] { $reinvites } re-invitation
   *[other] { $reinvites } re-invitations
} queued; { $held } not reminded again (reminded in the last { $hours } hours).
adm-closed = { $n ->
    [one] Round closed and sealed: { $n } response.
   *[other] Round closed and sealed: { $n } responses.
}

## The roster page ($n is a count for the plural form, $shown the same count as the page shows it, its digits grouped)

ros-col-department = Department
ros-col-people = People
ros-col-active = Active
ros-nothing-yet = Nothing has been written yet. Importing will:
# { $import } is the Import button's name, in bold.
ros-press-import = Press { $import } under the pasted text to write it.
ros-import = Import
ros-upload-heading = Upload the roster file
ros-file-label = Roster CSV file
ros-deactivate-file = Deactivate active people missing from the file
ros-check-file = Check the file
ros-paste-heading = Or paste a few rows
ros-paste-intro = For small corrections (up to about 1,000 people). Re-importing updates people by email; it never deletes anyone.
ros-csv-label = Roster CSV, header line first
ros-deactivate-text = Deactivate active people missing from the text
ros-check = Check
ros-summary = { $n ->
    [one] { $shown } person on the roster, { $active } active.
   *[other] { $shown } people on the roster, { $active } active.
}
# { $header } is the CSV header line, shown as code.
ros-upload-intro = A CSV with the header { $header }, at most { $mb } MB. It is checked first: nothing is written until you confirm.
ros-errors-heading = { $n ->
   *[other] Nothing was written: { $errors } of { $shown } row(s) in { $source } need fixing
}
ros-errors-more = { $n ->
   *[other] … and { $shown } more. Fix these first, then check the file again.
}
ros-valid = { $n ->
    [one] { $source }: the { $shown } row is valid
   *[other] { $source }: all { $shown } rows are valid
}
ros-will-add = { $n ->
    [one] add { $shown } person,
   *[other] add { $shown } people,
}
ros-will-update = { $n ->
   *[other] update { $shown },
}
ros-will-update-reactivated = { $n ->
   *[other] update { $shown } ({ $reactivated } of them made active again),
}
ros-will-leave = { $n ->
   *[other] leave { $shown } unchanged,
}
ros-will-deactivate = { $n ->
    [one] deactivate { $shown } active person missing from the file.
   *[other] deactivate { $shown } active people missing from the file.
}
ros-will-keep = { $n ->
    [one] keep { $shown } active person who is missing from the file active.
   *[other] keep { $shown } active people who are missing from the file active.
}
ros-missing-summary = { $n ->
   *[other] Who is missing from the file ({ $shown })
}
ros-missing-more = { $n ->
   *[other] … and { $shown } more.
}
ros-confirm-file = To import, choose the same file again ({ $source }). Only a file identical to the one checked is accepted.
ros-import-rows = { $n ->
    [one] Import { $shown } row
   *[other] Import { $shown } rows
}

## Notices after an action ($added, $updated, $unchanged and $missing are counts)

adm-notice-created = Draft round of { $survey } for { $quarter } created. Preview it and send yourself a sample, then launch it.
adm-notice-sample-failed = The sample was NOT sent: { $problem }
adm-notice-sample-sent = Sample invitation sent to { $to } in { $language }. Its link opens the preview; it cannot answer.
ros-imported-deactivated = Roster imported: { $added } added, { $updated } updated, { $unchanged } unchanged; { $missing } active people missing from the file (deactivated).
ros-imported-kept = Roster imported: { $added } added, { $updated } updated, { $unchanged } unchanged; { $missing } active people missing from the file (still active).
ros-nothing-written = Nothing was written: { $problem }
ros-too-large = Nothing was written: the file is larger than { $mb } MB, the most accepted (a 10,000-person roster is about 1 MB). Check that it is the roster CSV, or import it with { $command }.
ros-choose-file = Nothing was written: choose a roster CSV file first.
ros-not-checked = Nothing was written: { $file } is not the file you checked (its content differs). Check it again before importing.
