# The staff pages: the layout and navigation, sign-in, first-run setup and error pages.
# Placeables: $provider is the identity provider's name, $command a command line, $status an HTTP status.
# UI text uses the polite 합니다체.

staff-nav-label = 주 메뉴
staff-sign-out = 로그아웃
staff-nav-dashboard = 대시보드
staff-nav-time = 시간 배분
staff-nav-board = 이사회
staff-nav-admin = 관리
staff-nav-schedules = 일정
staff-nav-roster = 명단
staff-nav-departments = 부서
staff-nav-actions = 후속 조치
staff-nav-users = 사용자
staff-nav-audit = 감사 로그
staff-role-cto = CTO
staff-role-board = 이사회
staff-role-admin = 관리자
staff-error-prefix = 오류:
staff-field-email = 이메일
staff-field-password = 비밀번호
staff-field-name = 이름

staff-signin-title = 로그인
staff-signin-intro = CTO, 이사회, 설문 관리자를 위한 페이지입니다. 설문에 응답하시려면 초대 메일에 있는 본인 전용 링크를 이용해 주세요. 로그인은 필요하지 않습니다.
staff-signin-signed-out = ctopulse에서 로그아웃되었습니다.
staff-signin-provider-sign-out = { $provider }에서도 로그아웃
staff-signin-your-provider = ID 공급자
staff-signin-with-provider = { $provider }(으)로 로그인
staff-signin-or-password = 또는 ctopulse 비밀번호로 로그인할 수 있습니다.
staff-signin-passwords-off = 이 서버에서는 비밀번호 로그인을 사용할 수 없습니다. ID 공급자를 통해 로그인해 주세요.
staff-signin-expired = 로그인 양식이 만료되었습니다. 다시 로그인해 주세요.
staff-signin-empty = 이메일과 비밀번호를 입력해 주세요.
staff-signin-not-email = 올바른 이메일 주소가 아닙니다.
staff-signin-too-long = 이메일 또는 비밀번호가 너무 깁니다.
staff-signin-rejected = 이메일 또는 비밀번호가 올바르지 않습니다.

staff-setup-title = ctopulse 설정
staff-setup-heading = 첫 관리자 계정 만들기
staff-setup-intro = 이 페이지는 첫 관리자 계정이 만들어지기 전까지만 사용할 수 있습니다. 이후 관리자가 CTO, 이사회, 다른 관리자를 추가합니다.
staff-setup-cli = 명령줄이 더 편하신가요? { $command } 명령도 같은 작업을 하며, 메일 발송과 공개 URL까지 확인합니다.
staff-setup-password = 비밀번호(12자 이상)
staff-setup-repeat = 비밀번호 확인
staff-setup-submit = 관리자 계정 만들기
staff-setup-expired = 양식이 만료되었습니다. 다시 작성해 주세요.
staff-setup-bad-email = 올바른 이메일 주소를 입력해 주세요.
staff-setup-bad-name = 이름은 1~100자로 입력해 주세요.
staff-setup-differ = 두 비밀번호가 일치하지 않습니다.

staff-error-home = 시작 페이지로 이동
staff-error-status = 오류 { $status }
staff-error-400-title = 요청을 처리할 수 없습니다
staff-error-400-body = 올바르지 않은 요청입니다.
staff-error-401-title = 로그인이 필요합니다
staff-error-401-body = 로그인한 담당자만 볼 수 있는 페이지입니다.
staff-error-403-title = 접근 권한이 없습니다
staff-error-403-body = 이 계정으로는 이 페이지에 접근할 수 없습니다.
staff-error-404-title = 페이지를 찾을 수 없습니다
staff-error-404-body = 이 주소에는 페이지가 없습니다.
staff-error-405-title = 여기서는 할 수 없는 요청입니다
staff-error-405-body = 이 페이지는 이런 종류의 요청을 받지 않습니다.
staff-error-409-title = 지금은 할 수 없습니다
staff-error-409-body = 현재 상태와 맞지 않는 요청입니다.
staff-error-413-title = 너무 큽니다
staff-error-413-body = 보낸 내용이 너무 큽니다.
staff-error-429-title = 시도 횟수가 너무 많습니다
staff-error-429-body = 잠시 기다린 뒤 다시 시도해 주세요.
staff-error-503-title = 일시적으로 사용할 수 없습니다
staff-error-503-body = 1분 뒤 다시 시도해 주세요.
staff-error-500-title = 문제가 발생했습니다
staff-error-500-body = 서버에서 문제가 발생했습니다. 잠시 후 다시 시도해 주세요.
staff-error-other-title = 요청을 완료하지 못했습니다
staff-error-other-body = 요청을 완료할 수 없습니다.
# 페이지를 보여 줄 수 없는 이유 (API는 같은 내용을 영어로 답합니다).
staff-error-quarter = ‘{ $typed }’ 값은 분기 형식이 아닙니다. 2026Q3처럼 연도, Q, 분기 번호로 입력해 주세요(연도 2000–2999, 번호 1–4).
staff-error-no-closed-round = { $quarter }에 마감된 설문이 없습니다.
staff-error-nothing-closed = 아직 마감된 설문이 없습니다. 첫 설문이 마감되면 결과가 표시됩니다.
staff-error-date = ‘{ $typed }’ 값은 날짜 형식이 아닙니다. YYYY-MM-DD 형식으로 입력해 주세요.
staff-error-no-user = 해당 사용자가 없습니다.
staff-error-not-multipart = 양식으로 파일을 업로드해 주세요.
staff-error-form-nul = 양식에 NUL 문자가 들어 있습니다. 어떤 필드도 이 문자를 받지 않습니다.

staff-notice-commentary-saved = { $quarter } 코멘트를 저장했습니다.
staff-notice-point-added = 변곡점을 추가했습니다.
staff-notice-assessment-saved = { $quarter } 평가를 저장했습니다. 이사회의 확인을 기다리고 있습니다.
staff-notice-disputed = 평가에 이의를 제기했습니다.
staff-notice-confirmed = 평가를 확인했습니다.
staff-notice-action-recorded = 후속 조치를 기록했습니다.
staff-notice-action-updated = 후속 조치를 업데이트했습니다.
