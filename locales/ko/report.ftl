# The board report and its charts: titles, captions, labels, status words.

report-title = CTO 성과 지표
report-as-of = { $date } 기준
report-as-of-unknown = 이번 분기에 마감된 설문 없음
report-title-a = A · 기술 전략 정렬
report-title-b = B · 엔지니어링 문화
report-title-c = C · 내부 고객 만족도
report-caption-a = CEO·경영진·이사회 중 기술 전략이 정렬되었다고 본 비율
report-caption-b = 생산적이면서 동시에 행복한 엔지니어 비율
report-caption-c = 지원 부서 가중 내부 고객 만족도(CSAT)
report-interval = 95% 신뢰구간 { $low }–{ $high } · n = { $n }
report-census = 대상자 전원 응답: 표본 오차 없음
report-inflection-heading = 이번 분기 기술 변곡점
report-inflection-none = 이번 분기에 평가된 변곡점 없음
report-more = 외 { $n }건
report-quadrant-productive-happy = 생산적 · 행복
report-quadrant-burnout-risk = 번아웃 위험
report-quadrant-friction = 마찰
report-quadrant-neither = 둘 다 아님
report-quadrants-heading = 사분면별 엔지니어 수 (생산성 × 행복)
report-enps = eNPS { $score }  (95% 신뢰구간 { $low } ~ { $high }, n = { $n })
report-attrition = 핵심 인재 유감 이직률 (12개월)
report-acceptance = 채용 제안 수락률 (이번 분기)
report-at-most = 기준 { $t } 이하
report-at-least = 기준 { $t } 이상
report-breach = 기준 위반
report-within = 기준 충족
report-groups-heading = 보고 그룹별 CSAT (오차 막대 = 95% 신뢰구간)
report-weight = 가중치 { $w }
report-fewer-than-k = 응답 { $k }명 미만
report-protects-another = 더 작은 그룹 보호를 위해 비공개
report-no-overall-answers = 전반 만족도 문항 응답 없음
report-zero-weight = 가중치가 0임
report-left-out = 가중 점수 제외
report-not-enough = 산출에 필요한 데이터 부족
report-no-hr-data = HR 데이터 없음
report-lagging-no-headcount = 인원 데이터 없음
report-lagging-no-top-talent = 핵심 인재 없음
report-lagging-no-offers = 제안 없음
report-trend-heading = 최근 8분기
report-changed = 변화 있음: { $quarter } 대비 { $change }
report-no-real-change = 실질적 변화 없음: { $quarter } 대비 { $change } (95% 신뢰구간 { $low } ~ { $high })
report-cant-tell = 판단 불가: { $quarter } 대비 { $change } (95% 신뢰구간 { $low } ~ { $high })
report-coverage = 전체 가중치의 { $share } 반영
report-not-rated-coverage = 평가 보류: 응답 부서 부족
report-not-comparable = { $quarter }와 비교 불가 (그룹·가중치·설문 변경)
report-points = %p
report-enps-points = 점
report-commentary = CTO 코멘트
report-method-heading = 방법
report-method-round = ‘{ $template }’ 버전 { $version }: { $delivered }명 중 { $answered }명 응답 ({ $rate })
report-method-no-rounds = 이번 분기에 마감된 설문 없음.
report-method-rules = 응답 { $k }명 미만의 수치는 공개하지 않음. 구간: 유효 표본 크기(유한 모집단 보정)에 대한 95% 윌슨 점수 구간. 긍정 = 5점 척도의 4 또는 5.
report-method-weights = CSAT 가중치: { $weights }.
report-method-doc = 전체 방법: docs/methodology.md.
report-method-thresholds = 상태 기준: A는 { $a } 미만 또는 대응이 늦은 변곡점이면 주의, 놓친 변곡점이면 위험; B는 { $b_red } 미만 위험, { $b_amber } 미만 주의; C는 { $c_red } 미만 또는 { $c_group } 미만 그룹이 있으면 위험, { $c_amber } 미만 주의.
report-board = 이사회
report-rating-green = 양호 (녹색)
report-rating-amber = 주의 (황색)
report-rating-red = 위험 (적색)
report-rating-not-rated = 평가 보류
report-assessment-ahead = 선제 대응
report-assessment-on-time = 적기 대응
report-assessment-late = 대응 늦음
report-assessment-missed = 놓침
report-assessment-watching = 관찰 중
report-confirmation-confirmed = 이사회 확인
report-confirmation-unconfirmed = 이사회 미확인
report-confirmation-disputed = 이사회 이의 제기
report-drivers-heading = 주요 동인
report-fix-first = 우선 개선

# Each measure's status reason. $value and $threshold are shares; $why says why a figure is missing.
reason-state-unconfirmed = (이사회 미확인)
reason-state-disputed = (이사회 이의 제기)
reason-point-title = '{ $title }'
reason-point-missed = { $title } 변곡점을 놓친 것으로 평가{ $state }
reason-point-late = { $title } 변곡점을 늦게 대응한 것으로 평가{ $state }
reason-alignment-low = 정렬 비율 { $value } (기준 { $threshold } 미만)
reason-alignment-green = 정렬 비율 { $value }, 늦거나 놓친 변곡점 없음
reason-unavailable-alignment = 정렬 비율 산출 불가 ({ $why })
reason-unavailable-productive-happy = 생산적·행복 엔지니어 비율 산출 불가 ({ $why })
reason-unavailable-weighted-csat = 가중 CSAT 산출 불가 ({ $why })
reason-attrition-breach = 핵심 인재 유감 이직률 { $value } (기준 { $threshold } 초과)
reason-acceptance-breach = 채용 제안 수락률 { $value } (기준 { $threshold } 미만)
reason-productive-happy-low = 생산적이면서 행복한 엔지니어 { $value } (기준 { $threshold } 미만)
reason-both-lagging = 두 후행 지표 모두 기준 위반: { $first }, { $second }
reason-productive-happy-green = 생산적이면서 행복한 엔지니어 { $value }, 후행 지표 위반 없음
reason-csat-low = 가중 CSAT { $value } (기준 { $threshold } 미만)
reason-group-low = '{ $name }' 그룹 CSAT { $value } (기준 { $threshold } 미만)
reason-csat-green = 가중 CSAT { $value }
reason-coverage-low = 응답 부서 부족 (반영된 그룹의 가중치 { $share }, 기준 { $threshold } 미만)

report-actions-heading = 조치 ({ $total }건)
report-time-sales = 영업
report-time-marketing = 마케팅
report-time-bd = 사업개발
report-time-internal = 내부
report-time-unclassified = 미분류
report-time-title = CTO의 시간 배분 (캘린더)
report-time-target = 목표
report-time-versus = 목표 대비 (포인트)

## 수치를 산출할 수 없는 이유: 채점 엔진이 밝히는 원인마다 메시지 하나.
missing-no-answers = 응답 없음
missing-no-alignment-answers = 정렬 문항 응답자 없음
missing-no-culture-answers = 생산성 문항과 행복 문항에 모두 응답한 사람 없음
missing-no-enps-answers = eNPS 문항 응답자 없음
missing-no-question = { $template ->
        [internal-csat] 내부 고객 만족도 설문
        [engineering-culture] 엔지니어링 문화 설문
        [tech-strategy-alignment] 기술 전략 정합성 설문
       *[other] 설문 { $template }
    }(버전 { $version })에 { $role ->
        [csat_overall] 전반 만족도
        [productivity] 생산성
        [happiness] 행복
        [enps] eNPS
       *[alignment] 정렬
    } 문항 없음
missing-no-closed-round = { $quarter }에 마감된 { $audience ->
        [internal-csat] 내부 고객 만족도
        [engineering-culture] 엔지니어링 문화
       *[tech-strategy-alignment] 기술 전략 정렬
    } 설문 없음
missing-several-closed-rounds = { $quarter }에 마감된 { $audience ->
        [internal-csat] 내부 고객 만족도
        [engineering-culture] 엔지니어링 문화
       *[tech-strategy-alignment] 기술 전략 정렬
    } 설문이 여러 개라 하나를 고를 수 없음
missing-not-a-headline = 대표 수치 아님
missing-no-group = 보고 그룹 { $group } 없음
missing-no-invitation-delivered = 전달된 초대 없음
missing-no-headcount-snapshot = { $from }~{ $to } 기간의 핵심 인재 인원 기록 없음
missing-zero-headcount = 기간 내내 핵심 인재 인원 0명
missing-no-offers = 해당 분기에 수락 또는 거절된 채용 제안 없음
missing-nothing-to-explain = 설명할 수치 없음
missing-drivers-not-computed = 동인 분석 도입 전에 봉인된 라운드 (집계를 다시 만들면 산출됨)
missing-too-few-for-drivers = 모든 문항에 응답한 사람이 { $min }명 미만 (또는 전원이 같은 응답)
missing-zero-weights = 보고 그룹 가중치 합계 0
missing-no-group-to-weigh = 모든 보고 그룹이 비공개이거나 전반 만족도 문항 응답 없음
missing-no-item = { $template } 라운드에 { $item } 문항 없음
missing-no-favourable-share = { $item } 문항의 긍정 응답률 없음
missing-no-sealed-round = { $quarter }에 봉인된 { $template } 라운드 없음
missing-not-measure-headline = { $metric }: 측정 지표의 대표 수치 아님
missing-no-csat-question = { $template }에 CSAT 문항 없음
