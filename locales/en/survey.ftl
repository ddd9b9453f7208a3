# The respondent's pages: the anonymity promise, the form, and the one-message pages.
# Placeables: $k and $c are the anonymity thresholds; $date is a date as `date-long` writes it, $tz a time zone name.

survey-promise-title = Your answers are anonymous
survey-promise-nobody = Nobody using ctopulse — the survey admin, the CTO or the board — can see what you answered. We know that you answered (to stop reminders), never what.
survey-promise-groups = Results are shown only after the survey closes, and only for groups of at least { $k ->
    [one] { $k } person.
   *[other] { $k } people.
}
survey-promise-unanimous = Results are group totals, so if everyone in a group gives the same answer, the total shows that.
survey-promise-comments = Comments are shown only for groups of at least { $c ->
    [one] { $c } person,
   *[other] { $c } people,
} in random order, without names. Leave out details that would identify you.
survey-promise-strict = Strict mode is on, as agreed with the works council: the board never sees comments, and only the survey admin sees how many people in each group have answered.
survey-required-note = Questions marked * need an answer.
survey-optional = optional
survey-not-applicable = N/A
survey-submit = Send my answers
survey-errors-title = Please check these answers
survey-error-prefix = Error:
survey-problem-required = Please choose an answer.
survey-problem-range = Please choose one of the options shown.
survey-problem-too-long = Please keep the comment under 2,000 characters.
survey-comment-hint = Up to 2,000 characters.
survey-thanks-title = Thank you
survey-thanks-body = Your answers are in. You will get no more reminders for this survey. Results are shared once the survey closes.
survey-answered-title = You have already answered
survey-answered-body = This survey link has been used. Each invitation counts once, so your earlier answers stand. Thank you!
survey-closed-title = This survey has closed
survey-closed-body = The survey closed at the end of { $date } ({ $tz }) and no longer takes answers. Its results go to the company, as group totals only. Thank you for your interest.
survey-closed-early-body = The survey closed on { $date } ({ $tz }) and no longer takes answers. Its results go to the company, as group totals only. Thank you for your interest.
survey-unknown-title = This link does not work
survey-unknown-body = The survey link is not valid. Links stop working once their survey has closed; its results then go to the company. If your survey is still open, please open the link from your invitation email exactly as it was sent.
survey-no-cookie-title = Please open the link from your email
survey-no-cookie-body = To answer, open the personal link in your invitation email. If you already did, your browser may be blocking cookies for this site.
survey-forged-title = The form could not be read
survey-forged-body = The answers sent do not match this survey. Please go back to the link in your invitation email and answer again.
survey-limited-title = Too many attempts
survey-limited-body = Too many invalid links were opened from your network. Please wait a minute and try again.
survey-unavailable-title = Please try again in a minute
survey-unavailable-body = The survey is briefly unavailable. Nothing was saved. Please try again in a minute.
survey-preview-banner = Preview — answers cannot be sent from this page.
survey-language = Language
