# 관리 페이지 본문: 라운드 목록과 새 라운드 만들기 양식, 개별 라운드 페이지.
# 인원수는 숫자로 들어옵니다. 문장은 합니다체를 씁니다.

## 라운드 목록

adm-title = 관리
adm-departments-link = 부서와 가중치
adm-create = 라운드 만들기
adm-rounds = 라운드
adm-rounds-none = 아직 라운드가 없습니다. 명단을 가져온 뒤 아래에서 라운드를 만드십시오.
adm-col-quarter = 분기
adm-col-survey = 설문
adm-col-status = 상태
adm-col-closes = 마감일
adm-col-answered = 응답
adm-col-actions = 작업
adm-details = 상세
adm-preview = 미리보기
adm-field-closes = 응답 마지막 날 (YYYY-MM-DD)
adm-field-merge = 보고용으로 합칠 부서 (예: ceo+bd, 선택 사항)
adm-create-submit = 초안 만들기
adm-roster-summary = 명단 { $people }명, 활성 { $active }명.
adm-progress = { $delivered }명 중 { $answered }명 ({ $rate })
adm-next-scheduled = 다음 예정: { $survey }의 { $step } ({ $quarter }), { $at }.
adm-step-launch = 시작
adm-step-remind = { $day }일차 리마인더
adm-step-close = 마감 및 확정
adm-status-draft = 초안
adm-status-open = 진행 중
adm-status-closed = 마감됨
adm-status-sealed = 확정됨
adm-action-launch = 시작
adm-action-remind = 리마인더 보내기
adm-action-close = 지금 마감

## 라운드

adm-round-title = 라운드
adm-back = ← 관리
adm-round-status = 상태:
adm-round-closes = { $date } 종료 시 마감
adm-round-pending = 발송 대기 중인 이메일 { $n }통
adm-close-heading = 이 라운드를 지금 마감하시겠습니까?
adm-close-body = 전달된 초대 { $delivered }건 중 { $answered }건에 응답했습니다. 마감하면 라운드가 즉시 확정됩니다. 모든 설문 링크가 작동을 멈추고, 응답은 순서가 섞인 채 새 ID로 저장되며, 보내지 않은 이메일은 취소되고, 결과가 스코어카드에 표시됩니다. 되돌릴 수 없습니다.
adm-close-submit = 마감 및 확정
adm-keep-open = 계속 진행
adm-remind-heading = 지금 리마인더를 보내시겠습니까?
adm-remind-nobody = 지금은 리마인더를 받을 사람이 없습니다. 응답하지 않은 모든 사람에게 이미 발송 대기 중인 메시지가 있습니다.
adm-remind-nobody-held = 지금은 리마인더를 받을 사람이 없습니다. 응답하지 않은 모든 사람({ $held }명)이 최근 { $hours }시간 안에 리마인더를 받았거나 이미 발송 대기 중인 메시지가 있습니다.
adm-remind-plan = 응답하지 않은 { $reminders }명에게 리마인더를 보냅니다.
adm-remind-plan-reinvites = 응답하지 않은 { $reminders }명에게 리마인더를 보내고, 주소가 반송된 { $reinvites }명에게 새 초대를 보냅니다.
adm-remind-held = 최근 { $hours }시간 안에 리마인더를 받은 { $held }명에게는 다시 보내지 않습니다.
adm-remind-answered = 응답한 사람에게는 아무것도 보내지 않습니다.
adm-remind-send = 메시지 { $n }통 보내기
adm-back-button = 돌아가기
adm-not-now = 나중에
adm-roster-changed = 이 라운드 시작 전 7일 동안 명단이 { $n }회 바뀌었습니다 (감사 로그 참고).
adm-check-heading = 설문 확인
adm-check-intro = 미리보기는 응답자가 보는 그대로 설문을 보여 줍니다. 미리보기에서는 응답할 수 없습니다.
adm-language = 언어
adm-department = 부서
adm-open-preview = 미리보기 열기
adm-sample-heading = 샘플 초대 보내기
adm-sample-intro = 이 라운드의 실제 초대장에 샘플 표시를 붙여 보냅니다. 링크는 미리보기로 연결되므로 응답으로 집계되지 않습니다.
adm-send-to = 받는 사람
adm-send-sample = 샘플 보내기
adm-participation = 참여 현황
adm-not-invited = 아직 초대한 사람이 없습니다. 라운드를 시작하면 초대장이 발송됩니다.
adm-participation-caption = 보고 그룹별 (누가 응답했는지는 알 수 있지만 무엇이라고 응답했는지는 알 수 없습니다)
adm-col-group = 그룹
adm-col-invited = 초대
adm-col-delivered = 전달
adm-col-undeliverable = 전달 불가
adm-col-rate = 응답률
adm-all = 전체
adm-waves = 리마인더 발송 이력
adm-waves-caption = 각 발송은 응답하지 않았고 직전 { $hours }시간 동안 리마인더를 받지 않은 사람에게만 갑니다
adm-col-sent = 발송 시각
adm-col-by = 실행
adm-col-reminders = 리마인더
adm-col-reinvites = 재초대
adm-col-held-back = 보류
adm-by-schedule = 일정
adm-by-cli = 명령줄 ({ $actor })
adm-by-admin = 관리 페이지 ({ $actor })
adm-undeliverable = 전달 불가 ({ $n })
# { $roster }는 명단 페이지 링크입니다.
adm-undeliverable-intro = 메일 서버가 이 주소들을 거부했습니다. 명단({ $roster })에서 주소를 고친 뒤 ‘리마인더 보내기’를 누르면 다시 초대합니다.

## 라운드 작업 후 알림

adm-launched = 시작했습니다: 초대 { $n }건 발송 대기; k = { $k }, 의견은 응답 { $comments }건 이상부터 공개합니다.
adm-launched-warn = 참고: 최근 7일 동안 명단이 { $n }회 바뀌었습니다.
adm-reminded = 리마인더 { $reminders }건과 재초대 { $reinvites }건을 발송 대기열에 넣었습니다. { $held }명은 최근 { $hours }시간 안에 리마인더를 받아 다시 보내지 않습니다.
adm-closed = 라운드를 마감하고 확정했습니다: 응답 { $n }건.

## 명단 페이지 ($n은 복수형용 숫자, $shown은 페이지에 표시되는 같은 숫자)

ros-col-department = 부서
ros-col-people = 인원
ros-col-active = 활성
ros-nothing-yet = 아직 아무것도 저장하지 않았습니다. 가져오면 다음과 같이 바뀝니다:
# { $import }는 가져오기 버튼 이름이며 굵게 표시됩니다.
ros-press-import = 저장하려면 붙여 넣은 텍스트 아래의 { $import } 버튼을 누르십시오.
ros-import = 가져오기
ros-upload-heading = 명단 파일 올리기
ros-file-label = 명단 CSV 파일
ros-deactivate-file = 파일에 없는 활성 인원을 비활성화
ros-check-file = 파일 검사
ros-paste-heading = 또는 몇 줄 붙여 넣기
ros-paste-intro = 소규모 수정용입니다 (약 1,000명까지). 다시 가져오면 이메일 기준으로 인원 정보를 갱신하며, 누구도 삭제하지 않습니다.
ros-csv-label = 명단 CSV (머리글 줄 먼저)
ros-deactivate-text = 텍스트에 없는 활성 인원을 비활성화
ros-check = 검사
ros-summary = { $n ->
   *[other] 명단 { $shown }명, 활성 { $active }명.
}
# { $header }는 CSV 머리글 줄이며 코드로 표시됩니다.
ros-upload-intro = 머리글이 { $header }인 CSV 파일, 최대 { $mb }MB. 먼저 검사하며, 확인하기 전에는 아무것도 저장하지 않습니다.
ros-errors-heading = { $n ->
   *[other] 저장하지 않았습니다: { $source }의 { $shown }행 중 { $errors }행을 고쳐야 합니다
}
ros-errors-more = { $n ->
   *[other] … 외 { $shown }건. 먼저 이 오류를 고친 뒤 파일을 다시 검사하십시오.
}
ros-valid = { $n ->
   *[other] { $source }: { $shown }행 모두 유효합니다
}
ros-will-add = { $n ->
   *[other] { $shown }명 추가,
}
ros-will-update = { $n ->
   *[other] { $shown }명 갱신,
}
ros-will-update-reactivated = { $n ->
   *[other] { $shown }명 갱신 (그중 { $reactivated }명 다시 활성화),
}
ros-will-leave = { $n ->
   *[other] { $shown }명 변경 없음,
}
ros-will-deactivate = { $n ->
   *[other] 파일에 없는 활성 인원 { $shown }명 비활성화.
}
ros-will-keep = { $n ->
   *[other] 파일에 없는 활성 인원 { $shown }명은 활성 상태 유지.
}
ros-missing-summary = { $n ->
   *[other] 파일에 없는 인원 ({ $shown }명)
}
ros-missing-more = { $n ->
   *[other] … 외 { $shown }명.
}
ros-confirm-file = 가져오려면 같은 파일({ $source })을 다시 선택하십시오. 검사한 파일과 똑같은 파일만 받습니다.
ros-import-rows = { $n ->
   *[other] { $shown }행 가져오기
}

## 작업 후 알림 ($added, $updated, $unchanged, $missing은 숫자입니다)

adm-notice-created = { $quarter } { $survey } 라운드 초안을 만들었습니다. 미리 보기를 확인하고 샘플을 자신에게 보낸 뒤 시작하세요.
adm-notice-sample-failed = 샘플을 보내지 못했습니다: { $problem }
adm-notice-sample-sent = 샘플 초대장을 { $to } 주소로 보냈습니다(언어: { $language }). 링크는 미리 보기를 열며, 응답할 수 없습니다.
ros-imported-deactivated = 명단을 가져왔습니다. 추가 { $added }명, 변경 { $updated }명, 그대로 { $unchanged }명입니다. 파일에 없는 활성 인원 { $missing }명은 비활성화했습니다.
ros-imported-kept = 명단을 가져왔습니다. 추가 { $added }명, 변경 { $updated }명, 그대로 { $unchanged }명입니다. 파일에 없는 활성 인원 { $missing }명은 계속 활성 상태입니다.
ros-nothing-written = 저장하지 않았습니다: { $problem }
ros-too-large = 저장하지 않았습니다: 파일이 허용 한도인 { $mb }MB보다 큽니다(10,000명 명단이 약 1MB입니다). 명단 CSV 파일이 맞는지 확인하거나 { $command } 명령으로 가져오세요.
ros-choose-file = 저장하지 않았습니다: 먼저 명단 CSV 파일을 선택하세요.
ros-not-checked = 저장하지 않았습니다: { $file } 파일은 확인한 파일과 내용이 다릅니다. 가져오기 전에 다시 확인하세요.
