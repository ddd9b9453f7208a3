# The respondent's pages: the anonymity promise, the form, and the one-message pages.
# Placeables: $k and $c are the anonymity thresholds; $date is a date as `date-long` writes it, $tz a time zone name.

survey-promise-title = 응답은 익명으로 처리됩니다
survey-promise-nobody = 설문 관리자, CTO, 이사회를 포함해 ctopulse를 사용하는 누구도 개인의 응답을 볼 수 없습니다. 알림을 멈추기 위해 응답 여부만 확인하며, 응답 내용은 확인하지 않습니다.
survey-promise-groups = 결과는 설문이 마감된 뒤에만, { $k }명 이상인 그룹 단위로만 공개됩니다.
survey-promise-unanimous = 결과는 그룹 합계이므로, 한 그룹 전원이 같은 답을 하면 합계에도 그대로 드러납니다.
survey-promise-comments = 의견은 { $c }명 이상인 그룹에서만, 이름 없이 무작위 순서로 공개됩니다. 본인을 알아볼 수 있는 내용은 적지 말아 주세요.
survey-promise-strict = 노사협의회와 합의한 엄격 모드가 켜져 있습니다. 이사회는 의견을 볼 수 없으며, 그룹별 응답 현황은 설문 관리자만 볼 수 있습니다.
survey-required-note = { "* 표시된 질문은 꼭 답해 주세요." }
survey-optional = 선택
survey-not-applicable = 해당 없음
survey-submit = 응답 제출
survey-errors-title = 다음 응답을 확인해 주세요
survey-error-prefix = 오류:
survey-problem-required = 답을 선택해 주세요.
survey-problem-range = 보기 중 하나를 선택해 주세요.
survey-problem-too-long = 의견은 2,000자 이내로 작성해 주세요.
survey-comment-hint = 최대 2,000자까지 입력할 수 있습니다.
survey-thanks-title = 감사합니다
survey-thanks-body = 응답이 제출되었습니다. 이 설문에 대한 알림은 더 이상 발송되지 않습니다. 결과는 설문 마감 후 공유됩니다.
survey-answered-title = 이미 응답하셨습니다
survey-answered-body = 이 설문 링크는 이미 사용되었습니다. 초대 한 건당 한 번만 응답할 수 있으므로 이전 응답이 그대로 유지됩니다. 감사합니다!
survey-closed-title = 설문이 마감되었습니다
survey-closed-body = 이 설문은 { $date } 하루가 끝날 때({ $tz } 기준) 마감되어 더 이상 응답을 받지 않습니다. 결과는 그룹 합계로만 회사에 전달됩니다. 관심 가져 주셔서 감사합니다.
survey-closed-early-body = 이 설문은 { $date }({ $tz } 기준)에 마감되어 더 이상 응답을 받지 않습니다. 결과는 그룹 합계로만 회사에 전달됩니다. 관심 가져 주셔서 감사합니다.
survey-unknown-title = 유효하지 않은 링크입니다
survey-unknown-body = 설문 링크가 올바르지 않습니다. 설문이 마감되면 링크는 더 이상 작동하지 않으며, 결과는 회사에 전달됩니다. 설문이 아직 진행 중이라면 초대 메일의 링크를 그대로 열어 주세요.
survey-no-cookie-title = 메일의 링크로 접속해 주세요
survey-no-cookie-body = 응답하려면 초대 메일에 있는 본인 전용 링크를 열어 주세요. 이미 여셨다면 브라우저가 이 사이트의 쿠키를 차단하고 있을 수 있습니다.
survey-forged-title = 양식을 읽을 수 없습니다
survey-forged-body = 제출된 응답이 이 설문과 맞지 않습니다. 초대 메일의 링크로 다시 접속해 응답해 주세요.
survey-limited-title = 시도 횟수가 너무 많습니다
survey-limited-body = 현재 네트워크에서 유효하지 않은 링크가 너무 많이 열렸습니다. 1분 후에 다시 시도해 주세요.
survey-unavailable-title = 잠시 후 다시 시도해 주세요
survey-unavailable-body = 설문을 잠시 이용할 수 없습니다. 아무것도 저장되지 않았습니다. 1분 후에 다시 시도해 주세요.
survey-preview-banner = 미리보기 — 이 페이지에서는 응답을 제출할 수 없습니다.
survey-language = 언어
