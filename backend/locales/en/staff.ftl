# Staff pages: start pages, the demand-gap report, confirmations (issue #16 item 8).

## Recording a delivery: the amount field takes what its hint shows
staff-quantity-hint = For example { $amount } or 1,5.
staff-quantity-error = Write the amount as a number, for example { $amount } or 1,5.
staff-quantity-wrong-unit = This service's unit is { $unit }. Write for example { $amount }.

## Start pages: what waits for each role
nav-start = To do
start-title = To do
start-heading = What waits for you
start-provider-heading = Orders and recording
start-orders-waiting = { $count ->
    [0] No new orders.
    [one] 1 new order waits for your answer.
   *[other] { $count } new orders wait for your answer.
  }
start-orders-to-record = { $count ->
    [0] No open orders to record services on.
    [one] 1 open order: record the services provided.
   *[other] { $count } open orders: record the services provided.
  }
start-provider-disputes = { $count ->
    [0] No open disputes.
    [one] 1 dispute waits for your account.
   *[other] { $count } disputes wait for your account.
  }
start-case-heading = Client work
start-clients = { $count ->
    [0] No clients yet.
    [one] 1 client.
   *[other] { $count } clients.
  }
start-disputes-to-decide = { $count ->
    [0] No disputes to decide.
    [one] 1 dispute waits for your decision.
   *[other] { $count } disputes wait for your decision.
  }
start-overdue-providers = { $count ->
    [0] Every provider records on time.
    [one] 1 provider has not recorded on time.
   *[other] { $count } providers have not recorded on time.
  }
start-silent-orders = { $count ->
    [0] No orders without recording.
    [one] 1 order with nothing recorded on time.
   *[other] { $count } orders with nothing recorded on time.
  }
start-demand-gaps-link = What clients searched for and did not find
start-finance-heading = Invoicing: month { $month }
start-deliveries-to-invoice = { $count ->
    [0] No recorded services to invoice.
    [one] 1 recorded service waits to be invoiced.
   *[other] { $count } recorded services wait to be invoiced.
  }
start-providers-to-invoice = { $count ->
    [0] No providers to invoice.
    [one] 1 provider waits for an invoice.
   *[other] { $count } providers wait for an invoice.
  }
start-invoices-made = { $count ->
    [0] No invoices made for the month yet.
    [one] 1 invoice made for the month.
   *[other] { $count } invoices made for the month.
  }
start-finance-report = Money and reports
start-catalogue-heading = Service catalogue
start-services = { $count ->
    [0] The catalogue has no services yet.
    [one] The catalogue has 1 service.
   *[other] The catalogue has { $count } services.
  }
start-applications-waiting = { $count ->
    [0] No applications to decide.
    [one] 1 provider application waits for a decision.
   *[other] { $count } provider applications wait for a decision.
  }
start-demand-gaps = { $count ->
    [0] Every search found services.
    [one] 1 search found no service.
   *[other] { $count } searches found no service.
  }
start-admin-heading = Administration
start-users = { $count ->
    [one] 1 account, { $n } in use.
   *[other] { $count } accounts, { $n } in use.
  }
start-moderation-heading = Review moderation
start-moderation-link = Reported and hidden reviews

## The demand-gap report
gaps-title = Searches without results
gaps-heading = What clients searched for and did not find
gaps-intro = These searches in your area found no service. The most searched come first. They show which services the catalogue lacks.
gaps-none = Every search found services.
gaps-caption = { $count ->
    [one] 1 search without results
   *[other] { $count } searches without results
  }
gaps-anywhere = The whole area
gaps-col-query = Search
gaps-col-municipality = Municipality
gaps-col-count = Times searched
gaps-col-first = First
gaps-col-last = Last
nav-demand-gaps = Searches without results


## The staff menu on a phone
staff-menu = Menu

## Staff pages about a client speak of the client, not to her
staff-client-no-allocations = The client does not have a decision yet.
staff-client-voucher-basis = How the client's voucher value was set
staff-client-services = Services the client has chosen
staff-client-no-commitments = The client has not chosen a service yet.
staff-statement-no-own-shares = The client has no own shares this month.

## Confirmations before an act that ends something or moves money
mandate-end-title = End the right to act for a client
mandate-end-heading = End the right to act for the client?
mandate-end-what = { $name } can no longer handle the matters of the client { $client } in Valinta. The right ends at once. The client's decisions and orders stay.
mandate-end-keep = Do not end, back to the client
user-deactivate-title = Deactivate the account
user-deactivate-heading = Deactivate the account?
user-deactivate-what = { $name } can no longer sign in to Valinta. All their sessions end at once. The data stays, and the account can be reactivated.
user-deactivate-confirm = Deactivate the account
user-deactivate-keep = Do not deactivate, back to the accounts
user-deactivate-back = Back to the accounts
grant-check-title = Check the decision
grant-check-heading = Check the decision before you make it
grant-check-what = You grant the client { $name } { $amount } ({ $kind }) for { $from } – { $to }. The money can be used at once.
grant-check-period = Valid
grant-check-services = Services
grant-check-any-service = Any service the decision allows
grant-check-confirm = Make the decision
grant-check-edit = Change the details
grant-check-cancel = Do not decide, back to the client
staff-paid-from-client-balance = Paid from the client's money
