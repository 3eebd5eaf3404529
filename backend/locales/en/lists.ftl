# Long lists in pages, and whose matter each row is (issue #16).
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-status = Page { $page } of { $pages } ({ $total } { $total ->
    [one] row
   *[other] rows
  })
commitments-waiting-heading = Waiting for your answer
commitments-all-heading = All orders
record-for-client = Record: { $client } – { $title }
clients-search-label = Find a client
clients-search-hint = The name or part of it, or the whole personal identity code.
clients-search-button = Search
clients-search-clear = Show all clients
clients-found = { $count ->
    [0] No clients found.
    [one] One client found.
   *[other] { $count } clients found.
  }
statement-client-code = The client's code on the invoice
cancel-order-title = Cancel the order
close-order-title = End the order
cancel-order-heading = Cancel this order?
close-order-heading = End this order?
cancel-order-explained = The provider has not confirmed the order yet. If you cancel it, the money reserved for it can be used again.
close-order-explained = The provider can no longer record new services on this order. The money reserved for it can be used again. Services already recorded stay.
cancel-order-submit = Cancel the order
cancel-order-submit-for = Cancel the order for { $name }
close-order-submit = End the order
close-order-submit-for = End the order for { $name }
end-order-keep = Change nothing
cancel-order-link = Cancel the order
close-order-link = End the order
notice-order-cancelled = The order is cancelled. The reserved money can be used again.
notice-order-closed = The order has ended. The reserved money can be used again.
