# 설정 페이지: 부서와 가중치, 직원 계정과 한 번만 보여 주는 비밀번호, 일정, 감사 기록.
# 문장은 합니다체를 씁니다. 변수 바로 뒤에는 조사 대신 명사를 두어 받침과 상관없이 읽히게 합니다.

## 부서와 가중치

dep-intro = 지표 C(내부 CSAT)는 각 부서의 만족도에 이 가중치를 적용합니다. 비율만 중요하므로 35 / 100과 7 / 20은 같습니다.
dep-notice = 진행 중이거나 마감된 라운드는 시작할 때의 가중치를 그대로 유지합니다. 여기서 바꾼 값은 지금부터 시작하는 라운드에 적용되며, 지난 분기는 바뀌지 않습니다.
dep-col-department = 부서
dep-col-weight = CSAT 가중치
dep-col-share = 현재 비중
dep-help = 0부터 1000까지의 숫자를 입력하세요. 적어도 하나는 0보다 커야 합니다. 이사회는 부서가 아니라 보고 대상이므로 가중치가 없습니다.
dep-save = 가중치 저장
dep-none-changed = 바뀐 가중치가 없습니다.
dep-changed = 가중치 { $n }개를 바꿨습니다. 지금부터 시작하는 라운드에 적용되며, 진행 중이거나 마감된 라운드는 시작할 때의 가중치를 유지합니다.
dep-nothing-saved = 저장하지 않았습니다: { $problems }.
dep-error-range = { $department } 부서의 CSAT 가중치는 0부터 { $max }까지의 숫자여야 합니다(입력값: { $value })
dep-error-number = { $department } 부서의 CSAT 가중치는 숫자여야 합니다(입력값: ‘{ $text }’)
dep-error-all-zero = 적어도 한 부서의 CSAT 가중치가 0보다 커야 합니다

## 직원 계정

usr-intro = 직원 계정입니다. 관리자는 라운드와 명단을 관리하고, CTO는 모든 결과를 보고 레지스터를 관리하며, 이사회 구성원은 스코어카드를 봅니다. 활성 관리자가 항상 한 명은 있어야 합니다.
usr-col-role = 역할
usr-col-status = 상태
usr-col-last = 마지막 로그인
usr-col-actions = 작업
usr-you = (본인)
usr-added = 추가: { $when }
usr-role-of = { $email } 계정의 역할
usr-change = 변경
usr-active = 활성
usr-disabled = 비활성
usr-disable = 비활성화
usr-enable = 활성화
usr-new-password = 새 비밀번호
usr-add-heading = 사용자 추가
usr-add-submit = 사용자 추가
usr-add-help = 새 계정의 비밀번호를 만들어 다음 페이지에서 한 번만 보여 드립니다. 직접 전달하거나 신뢰할 수 있는 경로로 전달하세요.
usr-never = 없음
usr-role-cto = CTO
usr-role-board = 이사회
usr-role-admin = 관리자
usr-notice-disabled = { $email } 계정을 비활성화했습니다. 세션 { $n }개를 종료했습니다.
usr-notice-enabled = { $email } 계정으로 다시 로그인할 수 있습니다.
usr-notice-role = { $email } 계정의 역할을 { $role }로 바꿨습니다.
usr-error-email = 이메일: ‘{ $value }’ 값은 올바른 이메일 주소가 아닙니다.
usr-error-role = 역할: ‘{ $value }’ 값은 알 수 없는 역할입니다(admin, cto, board 중 하나여야 합니다).
usr-error-exists = { $email } 주소를 쓰는 사용자가 이미 있습니다. 아무것도 바꾸지 않았습니다.
usr-error-not-found = { $email } 주소를 쓰는 사용자가 없습니다.
usr-error-last-admin = { $email } 계정은 마지막 활성 관리자입니다. 먼저 다른 계정을 관리자로 지정하세요. 아무것도 바꾸지 않았습니다.

## 한 번만 보여 주는 비밀번호

pwd-title = 비밀번호
pwd-created = 계정을 만들었습니다
pwd-reset = 새 비밀번호를 설정했습니다
# { $account }는 굵게 표시됩니다.
pwd-account-created = { $account } ({ $role }).
pwd-account-reset = { $account } ({ $role }): 이 계정의 모든 세션을 종료했습니다.
pwd-once = 이 비밀번호는 지금 한 번만 보여 드립니다. 저장되는 것은 해시뿐입니다:
# { $command }는 명령줄입니다.
pwd-give = 직접 전달하거나 신뢰할 수 있는 경로로 전달하세요. 잃어버리면 사용자 페이지에서(또는 { $command } 명령으로) 새 비밀번호를 만드세요.
pwd-back = 사용자 목록으로 돌아가기

## 일정

sch-intro = 일정이 있는 설문은 분기마다 자동으로 진행됩니다. 정해진 날 { $hour }:00({ $timezone })에 시작하고, 시작 후 지정한 날에 아직 응답하지 않은 사람에게 리마인더를 보내며, 마지막 날이 끝나면 마감하고 확정합니다. 누가 보내든 { $cooldown }시간 안에 같은 사람에게 리마인더를 두 번 보내지 않습니다.
sch-list-heading = 일정이 있는 설문
# { $admin }은 관리 페이지로 가는 링크입니다.
sch-none = 아직 일정이 있는 설문이 없습니다. 모든 단계는 { $admin } 페이지에서 직접 실행합니다. 아래에서 일정을 설정하세요.
sch-col-survey = 설문
sch-col-launch = 시작일
sch-col-open = 기간
sch-col-reminders = 리마인더
sch-col-quarter = 이번 분기
sch-col-next = 다음 단계
sch-remove = 삭제
sch-merging = (합산: { $merges })
sch-disabled = — 사용 안 함
sch-days-open = { $n }일
sch-reminders-none = 없음
sch-reminders-days = { $days }일차
sch-date-launch = { $quarter }: 시작 { $date }
sch-date-remind = 리마인더 { $date }
sch-date-last = 마지막 날 { $date }
sch-next = { $step } ({ $quarter }) — { $at }
sch-next-none = 없음(사용 안 함)
sch-set-heading = 일정 설정
sch-set-help = 같은 설문의 일정을 다시 설정하면 기존 일정을 대체합니다. 날짜는 분기 첫날(1일차)부터 세며, 라운드는 분기 안에 마감해야 합니다.
sch-field-launch = 분기의 몇 번째 날에 시작할지
sch-field-open = 진행 기간(시작일 포함, 일)
sch-field-reminders = 시작 후 리마인더를 보낼 날(쉼표로 구분, 없으면 비워 두세요)
sch-field-merge = 보고용으로 합칠 부서(예: ceo+bd, 선택 사항)
sch-field-enabled = 사용
sch-save = 일정 저장
sch-recent = 최근 실행한 단계
sch-col-when = 시각
sch-col-step = 단계
sch-col-outcome = 결과
sch-error-launch-day = 시작일은 정수(일)여야 합니다(입력값: ‘{ $value }’)
sch-error-days-open = 진행 기간은 정수(일)여야 합니다(입력값: ‘{ $value }’)
sch-saved = { $survey } 설문의 일정을 저장했습니다.
sch-removed = { $survey } 설문의 일정을 삭제했습니다. 해당 라운드는 그대로 유지됩니다.

## 감사 기록

aud-intro = 최근 직원 작업 { $n }건을 최신순으로 보여 줍니다(시각은 UTC). 설문 응답과 의견은 여기에 절대 기록하지 않습니다.
aud-empty = 아직 기록된 내용이 없습니다.
aud-col-when = 시각
aud-col-who = 작업자
aud-col-action = 작업
aud-col-object = 대상
aud-col-detail = 세부 정보

## CTO의 시간 배분

tim-title = CTO의 시간 배분
tim-intro = 글에서 제시한 배분: 외부 70%(영업과 고객 35%, 마케팅·에반젤리즘·애널리스트 20%, 사업 개발과 파트너 15%), 내부 30%. 캘린더로 측정하며, 겹치는 회의도 실제 시간보다 많이 세지 않습니다. 분류되지 않은 시간은 그대로 표시합니다.
tim-quarter = 분기
tim-show = 보기
tim-split-for = { $quarter } 배분
tim-trend-region = 8개 분기 추이
tim-trend-caption = 분기별 업무 시간 대비 비중
tim-col-sales = 영업
tim-col-marketing = 마케팅
tim-col-bd = 사업개발
tim-col-internal = 내부
tim-col-unclassified = 미분류
tim-import-heading = 캘린더 가져오기
tim-import-intro = Google 캘린더, Outlook 또는 Apple 캘린더에서 내보낸 .ics 파일(파일당 최대 { $mb }MB)을 올리세요. 같은 기간을 다시 가져오면 기존 내용을 대체하며, 모든 파일이 유효할 때만 저장합니다. 시작, 종료, 분류와 그 분류를 정한 규칙만 저장하고 참석자는 절대 저장하지 않습니다.
tim-files-label = 캘린더 파일(.ics)
tim-import = 가져오기
tim-hours-heading = 캘린더가 없는 주
tim-week-of = 주 시작일
tim-category = 분류
tim-hours = 시간
tim-save-hours = 시간 저장
tim-rules-heading = 분류 규칙
tim-rules-intro = 처음 일치하는 규칙이 적용됩니다. 캘린더 분류, 그다음 참석자의 도메인(고객, 파트너, 애널리스트와 언론 순), 그다음 제목 키워드 순서이며, 아무것도 일치하지 않으면 미분류로 남습니다. 자사 도메인은 세지 않습니다. 규칙은 다음 가져오기부터 적용되며, 개별 일정은 아래에서 고칠 수 있습니다.
tim-rules-region = 규칙
tim-col-kind = 종류
tim-col-pattern = 패턴
tim-col-action = 작업
tim-remove = 삭제
tim-kind-domain = 참석자 도메인
tim-kind-keyword = 제목 키워드
tim-kind-calendar-category = 캘린더 분류
tim-add-rule = 규칙 추가
tim-events-heading = { $quarter } 일정 ({ $n }건)
tim-events-none = 이 분기에는 캘린더 일정이 없습니다.
tim-events-region = 일정
tim-col-start = 시작(UTC)
tim-col-rule = 규칙
tim-col-override = 직접 지정
tim-overridden = (직접 지정함, 규칙에 따른 분류: { $category })
tim-by-rules = (규칙대로)
tim-set = 지정
tim-cat-sales = 영업 / 고객
tim-cat-marketing = 마케팅 / 에반젤리즘 / 애널리스트
tim-cat-bd = 사업개발 / 파트너
tim-cat-internal-engineering = 내부: 엔지니어링과 제품
tim-cat-internal-executive = 내부: CEO, 경영진, 이사회
tim-cat-not-work = 업무 외 시간
tim-cat-unclassified = 미분류
tim-nothing-written = 저장하지 않았습니다: { $problem }
tim-choose-file = 저장하지 않았습니다: 먼저 .ics 파일을 선택하세요.
tim-too-large = 저장하지 않았습니다: 허용 한도인 { $mb }MB보다 큰 파일이 있습니다. 더 짧은 기간을 내보내거나 { $command } 명령을 사용하세요.
tim-unreadable = 업로드를 읽을 수 없습니다: { $problem }
tim-too-many = 한 번에 최대 { $n }개 파일까지 올릴 수 있습니다
tim-field-too-long = 양식 필드 ‘{ $name }’의 값이 너무 깁니다
tim-imported = { $from }부터 { $to }까지 일정 { $n }건을 가져왔습니다. { $replaced }건을 대체했습니다.
tim-hours-saved = { $monday } 주: { $category } { $hours }시간.
tim-override-cleared = 직접 지정을 해제했습니다.
tim-event-set = 일정을 ‘{ $category }’ 분류로 지정했습니다.
tim-rule-added = { $rule } 규칙을 추가했습니다. 다음 가져오기부터 적용됩니다.
tim-rule-removed = 규칙을 삭제했습니다. 다음 가져오기부터 적용됩니다.
