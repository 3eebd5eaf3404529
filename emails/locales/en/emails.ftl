# Valinta's emails in English. Plain language: short sentences, everyday words.
#
# Keys (the same in every language; a test requires fi, sv and en to have the same keys):
#   <kind>-subject      the subject (kind = the Notification variant's snake_case name)
#   <kind>-p1, -p2 …    paragraphs in order, one key each; the code picks which ones show
#                       (e.g. the own-share paragraph only when the own share is above 0)
#   <kind>-action       the button's label; the link comes from the code
#   fact-<name>         the label of a row in the facts table ("Date: 1 October 2026")
# Variables come formatted: money ($amount, $total …), dates ($date …) and names. Counts
# ($count, $days, $commitments, $percent) are numbers that Fluent picks plural forms by.

## Shared
greeting = Hello { $name },
greeting-anonymous = Hello,
on-behalf-subject = { $subject } (for { $name })
on-behalf = This message is about the matters of { $name }. You get it because you act for them.
link-fallback = If the button does not work, copy this address into your browser:
footer-sent = This message was sent by Valinta.
footer-optional = You can choose which messages you get.
footer-settings = Message settings
footer-mandatory = This message is always sent because it concerns a decision or money.

## Labels in the facts table
fact-offering = Service
fact-provider = Provider
fact-purchaser = Purchaser
fact-client = Client
fact-date = Date
fact-quantity = Quantity
fact-total = Total price
fact-purchaser-share = Paid from your money
fact-client-share = Own share
fact-amount = Amount
fact-method = Payment method
fact-reserve = Money reserved
fact-kind = Decision
fact-granted = Granted
fact-valid = Valid
fact-reason = Reason
fact-report-reason = Reason for the report
fact-number = Invoice number
fact-month = Month
fact-due = Due date
fact-stars = Stars
fact-written = Written
fact-note = Explanation
fact-changed-by = Changed by
fact-iban-before = Account before
fact-iban-after = Account now
fact-bic-before = BIC before
fact-bic-after = BIC now

## Payment methods, funding and units
method-voucher = Service voucher
method-payment_commitment = Payment commitment
method-direct_invoice = Direct invoicing
funding-voucher = Service voucher
funding-personal_budget = Personal budget
unit-hour = { $n } { $plural ->
    [one] hour
   *[other] hours
}
unit-day = { $n } { $plural ->
    [one] day
   *[other] days
}
unit-visit = { $n } { $plural ->
    [one] visit
   *[other] visits
}
unit-trip = { $n } { $plural ->
    [one] trip
   *[other] trips
}
unit-month = { $n } { $plural ->
    [one] month
   *[other] months
}
unit-session = { $n } { $plural ->
    [one] session
   *[other] sessions
}
unit-piece = { $n } { $plural ->
    [one] piece
   *[other] pieces
}

## To the provider
application_received-subject = We have received your application
application_received-p1 = { $purchaser } has received your application. It is for these services:
application_received-p2 = You will get a message when the application has been decided. You do not need to do anything now.
application_received-action = View the application

application_approved-subject = Your application has been approved
application_approved-p1 = { $purchaser } has approved your application. You can now offer these services:
application_approved-p2 = Check that the details and prices of your services are correct. Clients see them in search.
application_approved-action = View the application

application_rejected-subject = Your application was not approved
application_rejected-p1 = { $purchaser } did not approve your application. It was for these services:
application_rejected-p2 = You can fix the problem and apply again. If you have questions, contact the purchaser.
application_rejected-action = View the application

commitment_requested-subject = A new order is waiting for your answer
commitment_requested-p1 = Client { $client } wants to use { $offering }. Accept or decline the order.
commitment_requested-p2 = The client is waiting for your answer. Please answer as soon as you can.
commitment_requested-action = Answer the order

commitment_closed-subject = An order has ended
commitment_closed-p1 = The order of client { $client } has ended. Service: { $offering }.
commitment_closed-p2 = Do not record new services on this order any more. Services already recorded are invoiced as usual.
commitment_closed-action = View the order

dispute_opened-subject = A client has made a dispute
dispute_opened-p1 = Client { $client } has made a dispute about { $offering }. The client thinks the record is wrong.
dispute_opened-p2 = The purchaser's staff will handle the dispute. If the dispute is accepted, the amount goes back to the client and is not paid to you.
dispute_opened-action = View the dispute

review_reply_reminder-subject = A review is waiting for your reply
review_reply_reminder-p1 = A client has written a review of { $offering }. You have not replied to it yet.
review_reply_reminder-p2 = Everyone can see your reply under the review. You can reply once.
review_reply_reminder-action = Reply to the review

deliveries_overdue-subject = Remember to record the services you provided
deliveries_overdue-p1 = { $commitments ->
    [one] One order has
   *[other] { $commitments } orders have
} had no services recorded for { $days ->
    [one] 1 day
   *[other] { $days } days
}.
deliveries_overdue-p2 = Record services on time. Then the client's balance stays right, and you get paid on time.
deliveries_overdue-action = Record services

invoice_ready-subject = Invoice { $number } is ready
invoice_ready-p1 = Valinta has made an invoice to { $purchaser } for the services you have recorded.
invoice_ready-p2 = The purchaser pays the invoice by the due date. You can download the invoice as a file.
invoice_ready-subject-credit = Credit note { $number } is ready
invoice_ready-p1-credit = Valinta has made a credit note to { $purchaser }. The credit note lowers the amount the purchaser pays you.
invoice_ready-p2-credit = You can download the credit note as a file.
invoice_ready-action = View the invoice

bank_details_changed-subject = The bank details of { $provider } changed
bank_details_changed-p1 = The bank account details of { $provider } were changed in Valinta. Future payments go to the new account.
bank_details_changed-p2 = If none of you made this change, correct the details at once and contact the purchaser's finance team before the next payment.
bank_details_changed-none = (none before)
bank_details_changed-action = Check the bank details

## To the client, or to the person who acts for them
allocation_granted-subject = { $kind ->
    [voucher] A service voucher has been granted
   *[personal_budget] A personal budget has been granted
}
allocation_granted-p1 = { $purchaser } has made a decision. { $granted } has been granted.
allocation_granted-p2 = You can now choose a service and a provider. The money can be used until { $to }.
allocation_granted-action = View the decision

commitment_accepted-subject = The order has been accepted
commitment_accepted-p1 = { $provider } has accepted the order. Service: { $offering }.
commitment_accepted-p2 = The service can now start. The provider records each time. You can see them on the My money page.
commitment_accepted-action = View the order

commitment_declined-subject = The order was not accepted
commitment_declined-p1 = { $provider } cannot take the order. Service: { $offering }.
commitment_declined-p2 = No money was used. If money was reserved, it can be used again. You can choose another provider.
commitment_declined-action = View the order

delivery_recorded-subject = A service has been recorded: { $offering }
delivery_recorded-p1 = { $provider } has recorded a service they provided.
delivery_recorded-p2 = You pay the own share yourself to the provider. It is not taken from your money.
delivery_recorded-p3 = You now have { $available } available.
delivery_recorded-p4 = Check the details. If something is wrong, make a dispute by { $until }.
delivery_recorded-action = Check the details

delivery_digest-subject = Services recorded { $from } – { $to }
delivery_digest-p1 = { $count ->
    [0] No services were recorded from { $from } to { $to }.
    [one] 1 service was recorded from { $from } to { $to }:
   *[other] { $count } services were recorded from { $from } to { $to }:
}
delivery_digest-line = { $date }: { $offering }, { $provider }, { $quantity }, { $total }
delivery_digest-line-share = { $date }: { $offering }, { $provider }, { $quantity }, { $total } (own share { $share })
delivery_digest-p2 = You now have { $available } available.
delivery_digest-p3 = Check the details. If something is wrong, you can make a dispute within 14 days of the day of the service.
delivery_digest-action = Check the details

balance_low-subject = Little money is left
balance_low-p1 = Only { $available } is left to use. That is { $percent }% of the { $granted } granted.
balance_low-p2 = If you need more money for services, contact your own social worker.
balance_low-action = See the balance

allocation_ending-subject = The decision ends on { $date }
allocation_ending-p1 = The decision is valid until { $date }. There { $days ->
    [one] is 1 day
   *[other] are { $days } days
} left.
allocation_ending-p2 = You still have { $available } available. Money that has not been used does not move to the next decision.
allocation_ending-p3 = If you need the service later too, contact your own social worker.
allocation_ending-action = See the balance

dispute_decided-subject-upheld = The dispute has been accepted
dispute_decided-p1-upheld = The dispute about { $offering } has been accepted. { $amount } has gone back to your money.
dispute_decided-p2-upheld = You do not need to do anything.
dispute_decided-subject-rejected = The dispute was not accepted
dispute_decided-p1-rejected = The dispute about { $offering } has been handled. It was not accepted. The money ({ $amount }) was not returned.
dispute_decided-p2-rejected = If you do not agree, contact your own social worker.
dispute_decided-action = View the service

## To the purchaser's staff
provider_application-subject = New application: { $provider }
provider_application-p1 = { $provider } is applying for approval for these services:
provider_application-p2 = Check the application and make a decision.
provider_application-action = Handle the application

dispute_to_handle-subject = A new dispute to handle
dispute_to_handle-p1 = A client has made a dispute about a service that { $provider } recorded.
dispute_to_handle-p2 = Check the matter and make a decision. The client and the provider will be told the decision.
dispute_to_handle-action = Handle the dispute

review_reported-subject = A review has been reported
review_reported-p1 = Someone has reported a review of { $offering }.
review_reported-p2 = Check the review. You can hide it if it breaks the rules.
review_reported-action = Check the review

## Your own account
account_link-subject-set_password = Choose a password for Valinta
account_link-p1-set_password = An account has been made for you in Valinta. Choose a password with the link below.
account_link-subject-reset_password = A new password for Valinta
account_link-p1-reset_password = Someone asked for a new password for this email address. If it was you, choose a new password with the link below.
account_link-p2 = The link works only once and only for { $minutes } minutes.
account_link-p3 = If you did not ask for this, you do not need to do anything.
account_link-action = Choose a password
mandate_granted-subject = You can now act for { $client }
mandate_granted-p1 = You have been recorded in Valinta as a person who acts for { $client }. You can now see their money and choose services for them.
mandate_granted-p2 = If this is a mistake, contact their own social worker.
mandate_granted-action = Open Valinta
mandate_ended-subject = You no longer act for { $client }
mandate_ended-p1 = Your right to act for { $client } in Valinta has ended.
mandate_ended-p2 = If this is a mistake, contact their own social worker.
mandate_ended-action = Open Valinta
fact-relation = Relation
fact-valid-until = Valid until

dispute_decided-subject-partly = The dispute has been partly accepted
dispute_decided-p1-partly = The dispute about { $offering } has been handled. The recorded amount was { $recorded }, but the amount actually delivered was { $found }. The difference, { $returned }, has gone back to your money.
dispute_decided-p2-partly = If you do not agree, contact your own social worker.

price_changed-subject = The price changes: { $offering }
price_changed-p1 = { $provider } changes the price of { $offering } from { $date }. The new price is { $price }.
price_changed-p2 = A service voucher pays at most the voucher value. If the price goes up, your own share may grow. You can keep the service or choose another provider. Ask your own social worker if you need help.
price_changed-action = View the service

allocation_expired-subject = The money of your decision has expired
allocation_expired-p1 = The decision was valid until { $date }. { $expired } was not used. It can no longer be used.
allocation_expired-p2 = If you still need the service, contact your own social worker.
allocation_expired-action = See your money

fact-price-before = Price before
fact-price-after = New price
fact-valid-from = From

## Personal budget plans
fact-decision-number = Decision number
plan_decided-subject = A decision has been made on your plan
plan_decided-p1 = You have been granted a personal budget: { $granted }.
plan_decided-p2 = The decision says what the money can be used for and for how long.
plan_decided-p3 = If you do not agree with the decision, you can ask for it to be changed. The decision says how.
plan_decided-action = Read the decision
plan_decision_due-subject = A plan's decision is soon late: { $client }
plan_decision_due-p1 = The decision on the plan of the client { $client } is due by { $date }. There { $days ->
    [one] is 1 day
   *[other] are { $days } days
} left.
plan_decision_due-p2 = The decision must be made within three months of the day the need was identified.
plan_decision_due-action = Open the plan
plan_evaluation_due-subject = Tell how your goals are going
plan_evaluation_due-p1 = It is time to evaluate { $goals ->
    [one] your goal
   *[other] your goals ({ $goals })
}. Tell how they are going: the scale is 1–5, and you can write a few words.
plan_evaluation_due-p2 = The evaluation helps you and your social worker see what works.
plan_evaluation_due-action = Evaluate the goals
