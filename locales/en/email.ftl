# Invitations, reminders, re-invitations and samples. The subject's form is fixed in code:
# "[{company} {quarter}] {label}: {survey title}"; only the label is translated here.

email-label-invite = Survey
email-label-reminder = Reminder, closes { $date }
email-label-reinvite = Survey, new invitation
email-label-sample = SAMPLE survey
email-greeting = Hello { $name },
# Starts the invitation's lead: who asks and why.
email-asks = Every quarter { $company } asks the people the CTO serves how well that work is going.
email-lead-invite = { $asks } This is the survey for { $quarter }:
email-lead-reminder = You have not answered the survey for { $quarter } yet. Every answer makes the result more reliable.
email-lead-reinvite = { $asks } Our first invitation to the survey for { $quarter } did not reach you; this one replaces it:
email-call = Answer the survey
email-closes = The survey closes at the end of { $date } ({ $tz }).
email-anonymity = Your answers are anonymous. Nobody at { $company } — not the survey admin, not the CTO, not the board — can see what you answered. Results are shown only after the survey closes, and only for groups of at least { $k ->
    [one] { $k } person.
   *[other] { $k } people.
}
email-personal = This link is personal and works until you answer; please do not forward it.
email-sample-personal = In the real message this line says the link is personal and works until the person answers; this preview link records nothing and may be shared with other staff.
email-footer = Sent by { $sender } with ctopulse. Questions? Reply to this email.
email-sample-note = SAMPLE — this is a test message; its link only previews the survey.

# "You said, we did": what the reader's group said last time and what was done since.
recap-heading = You said, we did
recap-did-heading = What we did and are doing
recap-status-planned = planned
recap-status-in-progress = in progress
recap-status-done = done
recap-status-dropped = dropped
recap-said-enps = eNPS among engineers in { $quarter }: { $value }.
recap-said-productive-happy = In { $quarter }, { $share } of engineers were productive and happy at the same time.
recap-said-alignment = In { $quarter }, { $share } of respondents saw the tech strategy as aligned with the business.
recap-said-csat = In { $quarter }, { $share } of your group were satisfied with the CTO's support overall.
recap-fallback = Not translated; shown in the company's language ({ $language }).
