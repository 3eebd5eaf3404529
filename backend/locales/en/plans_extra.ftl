# Plans (issue #17): ending a plan, and the report on plans.

## A plan's status and the life areas
plan-extra-status = Status
plan-extra-status-draft = Draft
plan-extra-status-decided = Decided
plan-extra-status-closed = Closed
plan-extra-status-cancelled = Cancelled
plan-extra-decision-due = Decision due
plan-extra-decision-number = Decision number
plan-extra-area-home = Home
plan-extra-area-work = Work
plan-extra-area-learning = Learning
plan-extra-area-leisure = Free time
plan-extra-area-health = Health
plan-extra-area-relationships = Relationships

## Closing or cancelling a plan
plan-extra-back-to-plan = Back to the plan
plan-extra-close-title = Close the plan's follow-up
plan-extra-close-heading = Close the follow-up of the plan?
plan-extra-close-what = The follow-up of the plan ends now. The plan, the goals and the evaluations can no longer be changed. The decision and its money stay as they are.
plan-extra-close-choice = Close the follow-up (the plan is decided)
plan-extra-close-button = Close the follow-up now
plan-extra-cancel-title = Cancel the plan
plan-extra-cancel-heading = Cancel the plan?
plan-extra-cancel-what = No decision will be made on the plan. The plan, the goals and the evaluations can no longer be changed. The client's answers are kept.
plan-extra-cancel-choice = Cancel the plan (it has no decision yet)
plan-extra-cancel-button = Cancel the plan now
plan-extra-ending = What to do
plan-extra-ending-hint = A decided plan's follow-up is closed. A draft is cancelled.
plan-extra-reason = Reason
plan-extra-reason-hint = Write a reason the client understands. At most { $max } characters.
plan-extra-keep = Do not change, back to the plan
notice-plan-extra-closed = The follow-up of the plan is closed.
notice-plan-extra-cancelled = The plan is cancelled.

## The report on plans
plan-extra-nav-report = Plans: report
plan-extra-report-title = Report on plans
plan-extra-report-heading = Plans: how fast decisions come, and the goals
plan-extra-report-intro = The figures are for plans whose need was identified in the chosen time. No client is named.
plan-extra-report-from = Need identified from
plan-extra-report-to = Need identified until
plan-extra-report-show = Show
plan-extra-report-timeliness = From need to decision
plan-extra-report-plans = Plans
plan-extra-report-decided = Decided
plan-extra-report-median = From need to decision (median)
plan-extra-report-days = { $count } days
plan-extra-report-in-time = Decided within three months
plan-extra-report-in-time-value = { $percent } % ({ $count })
plan-extra-report-in-time-hint = The share is counted of the decided plans and of the drafts whose deadline has already passed.
plan-extra-report-overdue = Overdue now
plan-extra-report-cancelled = Cancelled
plan-extra-report-evaluations = Evaluations of goals
plan-extra-report-none = none yet
plan-extra-report-goals = Goals by life area
plan-extra-report-goals-caption = Goals, evaluated goals and the average of the latest evaluations (1–5)
plan-extra-col-area = Life area
plan-extra-col-goals = Goals
plan-extra-col-evaluated = Evaluated
plan-extra-col-average = Average
