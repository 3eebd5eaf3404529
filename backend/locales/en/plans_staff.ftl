# The case worker's plan pages (issue #17): caseload, opening a plan, the plan, pricing and the decision.

## Navigation and start page
plan-staff-nav = Plans
plan-staff-start-link = Personal budget plans and decision deadlines

## Words shared by the pages
plan-staff-status-draft = Draft, no decision yet
plan-staff-status-decided = Decided
plan-staff-status-closed = Closed
plan-staff-status-cancelled = Cancelled
plan-staff-overdue-by = { $count ->
    [one] 1 day late (due { $date })
   *[other] { $count } days late (due { $date })
  }
plan-staff-col-client = Client
plan-staff-col-status = Status
plan-staff-col-need = Need identified
plan-staff-col-due = Decision due
plan-staff-back-to-plan = Back to the plan
plan-staff-back-to-caseload = All plans
plan-staff-choose = Choose

## The caseload
plan-staff-caseload-title = Plans
plan-staff-caseload-heading = Personal budget plans
plan-staff-caseload-intro = The decision is due within three months of the day the need was identified. Late drafts come first.
plan-staff-caseload-found = { $count ->
    [0] No plans.
    [one] 1 plan.
   *[other] { $count } plans.
  }
plan-staff-filter-label = Show
plan-staff-filter-all = All plans
plan-staff-filter-open = No decision yet
plan-staff-filter-decided = Decided
plan-staff-filter-button = Show

## The client's page: her plans
plan-staff-client-plans = Personal budget plans
plan-staff-client-no-plans = The client has no plan.
plan-staff-client-plan = Plan, need identified on { $date }
plan-staff-open-link = Start a new plan
plan-staff-continue-draft = Continue the plan in preparation

## Opening a plan
plan-staff-open-title = Start a plan
plan-staff-open-heading = Start a personal budget plan
plan-staff-open-intro = Record the day the client's need for support was identified. The decision is due within three months of that day.
plan-staff-field-need = Need identified on
plan-staff-open-due-hint = If the need was identified on { $date }, the decision is due by { $until }. The day cannot be in the future.
plan-staff-open-submit = Start the plan
notice-plan-staff-opened = The plan has been started.
notice-plan-staff-draft-exists = The client already has a plan in preparation; here it is. Continue this one.

## The plan page
plan-staff-title = Plan
plan-staff-heading = Plan of { $name }
plan-staff-estimate = Cost estimate
plan-staff-decision-number = Decision { $number }
plan-staff-printable = Printable decision
plan-staff-pace-runs-out = On average { $amount } has been used a month. At this pace the money runs out on { $date }.
plan-staff-pace-lasts = On average { $amount } has been used a month. At this pace the money lasts the whole decision period.
plan-staff-decide-link = Make the decision
plan-staff-close-link = Close or cancel the plan
plan-staff-byline = { $name } ({ $kind }), { $date }
plan-staff-by-client = client
plan-staff-by-proxy = proxy
plan-staff-by-case-worker = case worker

## The support plan's answers
plan-staff-answers-heading = The support plan in the client's own words
plan-staff-answers-intro = The client, her proxy or the case worker may write the answers. Each answer shows who wrote it and when.
plan-staff-no-answer = No answer yet.
plan-staff-answers-write = Write answers together with the client
plan-staff-answers-save = Save the answers
notice-plan-staff-answers-saved = The answers have been saved.

## Goals and evaluations
plan-staff-goals-heading = Goals
plan-staff-no-goals = No goals have been written yet.
plan-staff-area-home = Home
plan-staff-area-work = Work
plan-staff-area-learning = Studying and learning
plan-staff-area-leisure = Free time
plan-staff-area-health = Health
plan-staff-area-relationships = Relationships
plan-staff-written = Written by
plan-staff-bought = Bought for the goal
plan-staff-nothing-bought = No orders yet.
plan-staff-goal-bought = { $count ->
    [one] 1 order: { $text }
   *[other] { $count } orders: { $text }
  }
plan-staff-evaluations-heading = Evaluations
plan-staff-no-evaluations = The goal has not been evaluated yet.
plan-staff-progress = Progress { $n } / 5
plan-staff-evaluate = Evaluate the goal
plan-staff-field-progress = How has the goal progressed?
plan-staff-field-progress-hint = 1 means the goal has not progressed. 5 means the goal has been reached.
plan-staff-progress-1 = 1 – no progress
plan-staff-progress-2 = 2 – a little
plan-staff-progress-3 = 3 – some
plan-staff-progress-4 = 4 – a lot
plan-staff-progress-5 = 5 – the goal has been reached
plan-staff-field-note = Notes
plan-staff-evaluate-save = Save the evaluation
notice-plan-staff-evaluation-added = The evaluation has been saved.
plan-staff-goal-add = Add a goal
plan-staff-field-area = Area of life
plan-staff-field-goal = Goal
plan-staff-field-target-date = Target date
plan-staff-goal-save = Save the goal
notice-plan-staff-goal-added = The goal has been added.

## Pricing
plan-staff-budget-heading = Cost estimate by service
plan-staff-no-lines = The plan has not been priced yet.
plan-staff-col-quantity = Quantity a month
plan-staff-col-months = Months
plan-staff-col-unit-price = Unit price
plan-staff-col-amount = Total
plan-staff-median = median of the providers' prices { $price }
plan-staff-reference-price = reference price { $price }
plan-staff-line-add = Add a service to the estimate
plan-staff-choose-service = Choose a service
plan-staff-field-service = Service
plan-staff-field-service-hint = Each service shows its reference price and the median of the providers' prices.
plan-staff-field-quantity = Quantity a month
plan-staff-field-quantity-hint = In the service's units, for example 2,5.
plan-staff-field-months = Months
plan-staff-field-months-hint = Whole months, 1–60.
plan-staff-field-unit-price = Unit price in euros
plan-staff-field-unit-price-hint = Leave empty to use the service's reference price. For example 42,50.
plan-staff-line-save = Add to the estimate
notice-plan-staff-line-added = The service has been added to the cost estimate.

## The decision
plan-staff-decision-title = Decision on the plan
plan-staff-decision-heading = Make the decision on the plan
plan-staff-decision-intro = The cost estimate is { $amount }. The sum granted is the same unless changed. The decision is for the estimate's services.
plan-staff-field-granted-hint = In euros, for example 1200,00. Left empty, the estimate is granted.
plan-staff-field-voucher-value-hint = Only for a service voucher: the voucher's value in euros per unit.
plan-staff-decision-submit = Check the decision
plan-staff-check-cancel = Do not decide, back to the plan
plan-staff-already-decided = Decision { $number } has already been made on this plan. No new decision was made and no money was granted again.
notice-plan-staff-decided = The decision has been made.

## Form errors, by field
plan-staff-error-need-identified-on = Write the day the need was identified. The day cannot be in the future.
plan-staff-error-service-id = Choose a service.
plan-staff-error-quantity-per-month = Write the quantity a month as a number above zero, for example 2,5.
plan-staff-error-months = Write the number of months as a whole number from 1 to 60.
plan-staff-error-unit-price = Write the unit price in euros, for example 42,50. If the service has no reference price, the price is required.
plan-staff-error-answers = Write or change at least one answer. An answer can be at most 4000 characters.
plan-staff-error-area = Choose an area of life.
plan-staff-error-text = Write the goal.
plan-staff-error-target-date = Write the target date correctly or leave it empty.
plan-staff-error-progress = Choose how the goal has progressed (1–5).
plan-staff-error-note = The notes can be at most 2000 characters.
plan-staff-error-kind = Choose a personal budget or a service voucher.
plan-staff-error-voucher-value = Write the voucher's value in euros. It is required for a service voucher.
