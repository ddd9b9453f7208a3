# CTO 대시보드와 이사회 페이지 본문: 공통 스코어카드, 진행 중인 라운드, 변곡점 등록부,
# 후속 조치 계획, 시간 배분 요약.
# 수치는 이미 표기 형식에 맞춰 들어옵니다. 인원수($n, $answered 등)는 숫자로 들어옵니다.
# 문장은 합니다체를 씁니다.

## CTO 대시보드

dash-title = CTO 대시보드
dash-time-heading = 내 시간은 어디에 쓰이는가
dash-time-none = 아직 가져온 캘린더가 없습니다.
dash-time-link = 캘린더를 가져와 모든 일정과 각 일정을 분류한 규칙을 확인합니다
dash-open-heading = 진행 중인 라운드
dash-open-none = 진행 중인 라운드가 없습니다.
dash-commentary-heading = { $quarter } 코멘트
dash-commentary-label = 이사회 보고서에 표시됩니다 (최대 600자)
dash-commentary-save = 코멘트 저장
dash-point-heading = 변곡점 추가
dash-point-title = 제목
dash-point-first-seen = 처음 포착한 분기
dash-point-description = 설명
dash-point-add = 추가

## 이사회 페이지

dash-board-title = 이사회
dash-board-heading = 이사회: CTO는 잘하고 있는가?
dash-board-report = 분기 보고서
dash-board-pack = 이사회 자료집 (PDF: 보고서, 방법론, 그룹별 문항, 변곡점 등록부, 시간 배분, 후속 조치):
dash-board-download = 내려받기:
dash-board-png-in = 언어별 PNG:
dash-board-open-full = 보고서를 원래 크기로 엽니다
dash-board-report-alt = { $quarter } 이사회 분기 보고서입니다. 같은 수치가 아래 카드에 있습니다.
dash-board-time-note = CTO의 캘린더를 기사의 배분(외부 70%, 내부 30%)과 비교합니다. 분기별 비율만 표시합니다.

## 스코어카드

dash-jump-label = 이 페이지에서
dash-jump = 바로 가기:
dash-measures = 지표
dash-as-of = { $date } 기준
dash-commentary-by = — CTO
dash-last-eight = 최근 8개 분기
dash-col-quarter = 분기
dash-col-value = 값
dash-groups-region = 보고 그룹, { $round }
dash-groups-caption = 보고 그룹
dash-col-group = 그룹
dash-col-weight = 가중치
dash-col-answered = 응답
dash-col-csat = CSAT
dash-col-change = 지난 분기 대비 변화
dash-items-region = 문항, { $round }
dash-items-caption = 문항, 전체 그룹
dash-col-question = 문항
dash-col-result = 결과
dash-col-distribution = 분포
dash-drivers-heading = 결과를 움직이는 요인
dash-drivers-intro = 각 문항이 결과를 설명하는 몫입니다 (R²의 섀플리 분해, 95% 부트스트랩 구간). 몫이 균등 배분보다 크고 긍정 응답률이 평균보다 낮은 문항은 ‘우선 개선’으로 표시합니다. docs/methodology.md를 참고하십시오.
dash-drivers-region = 동인, { $title }
dash-col-item = 문항
dash-col-explained = 설명 몫 (R² 기여분, 95%)
dash-col-explained-short = 설명 몫
dash-col-favourable = 긍정 응답
dash-col-priority = 우선순위
dash-drivers-chart = 중요도와 긍정 응답률의 관계입니다. 번호는 표와 같습니다
dash-comments = 의견
dash-comments-none = 기준을 충족하는 의견이 없습니다.
dash-comments-all = 의견 모두 보기
dash-comments-sample = 의견 { $total }개 중 { $shown }개를 표시합니다: 그룹과 문항마다 최대 { $per }개를 무작위로 골랐습니다.
dash-no-round = 아직 마감된 라운드가 없습니다. 첫 라운드가 마감되면 결과가 여기에 표시됩니다.

dash-measure-a = 기술 전략 정렬
dash-measure-b = 엔지니어링 문화: 생산적이고 행복한가
dash-measure-c = 내부 고객 만족도 (가중)
dash-trend-a = 기술 전략 정렬, 최근 8개 분기. 수치는 아래 표에 있습니다
dash-trend-b = 생산적이고 행복한 엔지니어 비율, 최근 8개 분기. 수치는 아래 표에 있습니다
dash-trend-c = 가중 내부 고객 만족도, 최근 8개 분기. 수치는 아래 표에 있습니다
dash-rating-green = 양호
dash-rating-amber = 주의
dash-rating-red = 위험
dash-rating-not-rated = 평가 보류

dash-census = 대상자 { $n }명 전원 응답 (표본 오차 없음)
dash-interval = 95% 신뢰구간 { $low }–{ $high }, n = { $n }
dash-withheld = 비공개: { $reason }
dash-not-enough = 데이터 부족: { $reason }
dash-withheld-paren = 비공개 ({ $reason })
dash-not-enough-paren = 데이터 부족 ({ $reason })
dash-withheld-word = 비공개
dash-no-data = 데이터 없음
dash-fewer-than-k = 응답 { $k }건 미만
dash-protects-another = 더 작은 비공개 그룹의 수치가 합계에서 역산되지 않도록 비공개합니다
dash-below-comment-threshold = 의견은 그룹 내 응답이 { $threshold }건 이상이어야 공개합니다
dash-coverage = 가중치의 { $share }를 반영합니다
dash-coverage-low = 가중치의 { $share }를 반영합니다. 평가에 필요한 { $threshold }에 못 미칩니다
dash-across-reported = 보고한 그룹 기준 { $value }; { $interval }
dash-enps = eNPS
dash-enps-value = { $score } (95% 신뢰구간 { $low }~{ $high }, n = { $n })
dash-quadrants = 사분면
dash-quadrants-value = 생산적·행복 { $happy }명 · 번아웃 위험 { $burnout }명 · 마찰 { $friction }명 · 둘 다 아님 { $neither }명
dash-attrition = 핵심 인재 유감 이직률
dash-acceptance = 채용 제안 수락률
dash-ratio = { $share } ({ $denominator }건 중 { $numerator }건)
dash-breached-above = 기준 초과: 한도 { $limit }를 넘었습니다
dash-breached-below = 기준 미달: 한도 { $limit }에 못 미칩니다
dash-within-above = 한도 이내 ({ $limit } 초과 시 위반)
dash-within-below = 한도 이내 ({ $limit } 미만 시 위반)
dash-breach-above = { $limit } 초과 시 위반
dash-breach-below = { $limit } 미만 시 위반
dash-group-weight = { $csat } (가중치 { $weight })
dash-left-out = 제외: { $why }
dash-top-drivers = 주요 동인
dash-round-participation = 대상자 { $delivered }명 중 { $answered }명 응답 ({ $rate }); k = { $k }
dash-group-participation = { $delivered }명 중 { $answered }명 ({ $rate })
dash-item-favourable-mean = 긍정 { $favourable }, 평균 { $mean }, n = { $n }
dash-item-mean = 평균 { $mean }, n = { $n }
dash-item-n = n = { $n }
dash-distribution = 분포: { $counts }
dash-comments-withheld = { $n }개 그룹의 의견은 비공개입니다: 응답 수가 의견 공개 기준에 못 미칩니다.
dash-roster-changed = { $template }: 시작 전 7일 동안 명단이 { $n }회 바뀌었습니다 ({ $date }). 감사 로그를 확인하십시오.

## 이전 분기 대비 변화 ($change, $low, $high는 부호가 붙은 포인트)

dash-change-interval = { $change }포인트 (95% 신뢰구간 { $low }~{ $high }, 보정 p { $p })
dash-p-below = < { $p }
dash-p-equal = = { $p }
dash-change-changed = { $quarter } 대비 변화: { $interval }
dash-change-no-real = { $quarter } 대비 실질적 변화 없음: { $interval }, ±10포인트 이내
dash-change-cant-tell = { $quarter } 대비 판단 불가: { $interval }
dash-change-not-comparable = { $quarter }와 비교 불가: { $reason }
change-why-template = 설문이 바뀜 (이전 버전 { $from }, 현재 버전 { $to })
change-why-new-group = 이전 설문에는 { $group } 그룹이 없었음
change-why-groups = 집계 그룹이 다름 (이전: { $before } / 현재: { $after })
change-why-weights = 그룹 가중치가 다름

## 주요 동인

dash-priority-fix-first = 우선 개선
dash-priority-keep-up = 현 수준 유지
dash-priority-lower = 낮은 우선순위
dash-priority-overkill = 과잉 투자 가능성
dash-engineers = 엔지니어
dash-driver-title = { $whose }: ‘{ $outcome }’를 움직이는 요인
dash-driver-fit = R² = { $r2 } (95% { $low }–{ $high }), 모든 문항에 응답한 { $n }명 기준
dash-importance = { $share } ({ $estimate }, 95% { $low }–{ $high })
dash-not-shown = 표시하지 않음: { $reason }.
dash-not-computed = 계산하지 않음: { $reason }.
dash-drivers-predate = 계산하지 않음: 동인 분석 도입 전에 봉인된 라운드입니다 (집계를 다시 만들면 산출됨).
dash-top-driver = { $whose }: { $item } (변동의 { $share } 설명)
dash-top-driver-fix = { $whose }: { $item } (변동의 { $share } 설명, 우선 개선)
dash-matrix-x = 긍정 응답률
dash-matrix-y = 설명 몫
dash-matrix-title = 우선 개선 ↖ — { $group }

## 진행 중인 라운드

dash-open-summary = { $counts }; { $date } 마감
dash-open-summary-at = { $counts }, { $time } UTC 기준; { $date } 마감
dash-open-counts = { $delivered }명 중 { $answered }명 응답 ({ $rate })
dash-open-invited = { $invited }명 초대; { $why }
dash-open-fewer-than-k = 비공개: 이 그룹의 초대 인원이 { $k }명 미만입니다 (k = { $k })
dash-open-protects = 비공개: 공개하면 더 작은 그룹의 인원이 차감으로 드러납니다
dash-open-round-below-k = 비공개: 이 라운드의 초대 인원이 { $k }명 미만입니다 (k = { $k })
dash-open-strict = 비공개: 엄격 모드가 켜져 있어 그룹별 진행률은 관리자만 봅니다
dash-open-not-counted = 인원은 매시 정각에 집계합니다. 첫 집계는 { $hour }:00 UTC입니다

## 변곡점 등록부

dash-register = 변곡점 등록부
dash-register-none = 아직 변곡점이 없습니다.
dash-col-point = 변곡점
dash-col-assessment = 평가
dash-col-board = 이사회
dash-col-action = 작업
dash-first-seen = 처음 포착: { $quarter }
dash-not-assessed = 평가 전
dash-note = 메모
dash-note-placeholder = 메모
dash-note-dispute = 메모 (이의 제기 시 필수)
dash-assess = 평가
dash-confirm = 확인
dash-dispute = 이의 제기
dash-assessment-ahead = 선제 대응
dash-assessment-on-time = 적기 대응
dash-assessment-watching = 관찰 중
dash-assessment-late = 대응 늦음
dash-assessment-missed = 놓침
dash-confirmation-confirmed = 확인됨
dash-confirmation-unconfirmed = 확인 전
dash-confirmation-disputed = 이의 제기됨

## 후속 조치 계획

dash-actions = 후속 조치
dash-plans-heading = 후속 조치 계획
dash-plans-intro = 확정된 라운드의 수치에 대해 CTO가 취할 조치입니다. 관리자가 기록하고 갱신하며, 조치가 추적하는 수치는 CTO 대시보드와 이사회 페이지에 있습니다.
dash-actions-none = 아직 기록된 후속 조치가 없습니다.
dash-actions-none-edit = 라운드가 확정되면 아래에서 기록하십시오.
dash-actions-moved = 완료한 조치는 효과가 있었는가?
dash-actions-no-later = 아직 비교할 다음 분기가 없습니다
dash-action-meta = { $status } · 담당 { $owner } · 기한 { $due }
dash-action-answers = 대상: { $about }
dash-action-round = { $survey } ({ $quarter })
dash-action-follow = { $title }의 추이
dash-col-linked = 연결된 수치
dash-action-status = 상태
dash-action-due = 기한
dash-action-owner = 담당
dash-action-update = 수정
dash-action-record = 후속 조치 기록
dash-action-none-sealed = 후속 조치는 확정된 라운드의 수치를 대상으로 합니다. 아직 확정된 라운드가 없습니다.
dash-action-target = 대상 수치
dash-action-title-hint = 무엇을 할지 한 문장으로 적습니다 (최대 200자). 필수 언어: { $language }. 응답자의 언어가 없으면 이 언어로 보여 줍니다.
dash-action-due-quarter = 기한 (분기)
dash-action-title-in = 제목 ({ $language })
dash-action-note-in = 공개 메모 ({ $language })
dash-action-note-hint = 공개 메모는 언어마다 최대 500자입니다. 중단하려면 다음 언어의 메모가 필요합니다: { $language }.
dash-action-submit = 후속 조치 기록
dash-status-planned = 계획됨
dash-status-in-progress = 진행 중
dash-status-done = 완료
dash-status-dropped = 중단
dash-link-alignment = 정렬 (지표 A)
dash-link-productive-happy = 생산적이고 행복함 (지표 B)
dash-link-enps = eNPS (지표 B)
dash-link-weighted-csat = 가중 CSAT (지표 C)
dash-link-group = { $group } CSAT
dash-link-item = ‘{ $item }’
dash-link-item-in = { $group }의 ‘{ $item }’
dash-link-driver = 주요 동인 ‘{ $item }’ ({ $whose })
dash-link-engineers = 엔지니어
dash-follow-share = { $value } (95% { $low }–{ $high }, n = { $n })
dash-follow-points = { $value } (95% { $low }~{ $high }, n = { $n })
dash-follow-none = 수치 없음 ({ $reason })

## 시간 배분 요약

dash-time-region = 시간 배분 { $quarter }
dash-time-caption = { $quarter }: 근무 시간 { $hours }시간
dash-col-category = 분류
dash-col-hours = 시간
dash-col-share = 비율
dash-col-target = 목표
dash-col-deviation = 차이 (포인트)
dash-time-internal = 내부
dash-time-internal-engineering = 엔지니어링·제품
dash-time-internal-executive = CEO, 경영진, 이사회
