# Invitations, reminders, re-invitations and samples. The subject's form is fixed in code:
# "[{company} {quarter}] {label}: {survey title}"; only the label is translated here.
# $topic is the topic particle after the company's name (은/는), chosen by the code.

email-label-invite = 설문
email-label-reminder = 알림, { $date } 마감
email-label-reinvite = 설문 재안내
email-label-sample = 샘플 설문
email-greeting = { $name }님, 안녕하세요.
email-asks = { $company }{ $topic } 매 분기 CTO가 지원하는 분들께 그 지원이 얼마나 도움이 되는지 여쭙고 있습니다.
email-lead-invite = { $asks } 이번 { $quarter } 설문입니다.
email-lead-reminder = 아직 { $quarter } 설문에 응답하지 않으셨습니다. 응답이 많을수록 결과가 더 정확해집니다.
email-lead-reinvite = { $asks } 처음 보내 드린 { $quarter } 설문 안내가 전달되지 않아 다시 보내 드립니다.
email-call = 설문 참여하기
email-closes = 설문은 { $date } 하루가 끝날 때({ $tz } 기준) 마감됩니다.
email-anonymity = 응답은 익명으로 처리됩니다. 설문 관리자, CTO, 이사회를 포함해 { $company }의 누구도 개인의 응답을 볼 수 없습니다. 결과는 설문이 마감된 뒤 { $k }명 이상인 그룹 단위로만 공개됩니다.
email-personal = 이 링크는 본인 전용이며 응답하실 때까지 유효합니다. 다른 사람에게 전달하지 말아 주세요.
email-sample-personal = 실제 메일에서는 이 줄에 링크가 본인 전용이며 응답할 때까지 유효하다고 안내합니다. 이 미리보기 링크는 아무것도 저장하지 않으며 다른 직원과 공유해도 됩니다.
email-footer = { $sender }에서 ctopulse로 보낸 메일입니다. 문의 사항은 이 메일에 회신해 주세요.
email-sample-note = 샘플 — 테스트 메일입니다. 링크로는 설문 미리보기만 가능합니다.

# "You said, we did": what the reader's group said last time and what was done since.
recap-heading = 여러분의 의견과 그 후의 조치
recap-did-heading = 그동안의 조치와 진행 중인 일
recap-status-planned = 계획
recap-status-in-progress = 진행 중
recap-status-done = 완료
recap-status-dropped = 중단
recap-said-enps = { $quarter } 엔지니어 eNPS: { $value }.
recap-said-productive-happy = { $quarter }에 엔지니어의 { $share }가 생산적이면서 동시에 행복하다고 답했습니다.
recap-said-alignment = { $quarter }에 응답자의 { $share }가 기술 전략이 사업과 잘 맞는다고 답했습니다.
recap-said-csat = { $quarter }에 여러분 그룹의 { $share }가 CTO의 지원에 전반적으로 만족했습니다.
recap-fallback = 번역이 없어 회사 기본 언어({ $language })로 표시합니다.
