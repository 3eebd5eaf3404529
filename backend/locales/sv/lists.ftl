# Long lists in pages, and whose matter each row is (issue #16).
pager-label = Sidor
pager-previous = Föregående sida
pager-next = Nästa sida
pager-status = Sida { $page } av { $pages } ({ $total } { $total ->
    [one] rad
   *[other] rader
  })
commitments-waiting-heading = Väntar på ditt svar
commitments-all-heading = Alla beställningar
record-for-client = Bokför: { $client } – { $title }
clients-search-label = Sök klient
clients-search-hint = Namnet eller en del av det, eller hela personbeteckningen.
clients-search-button = Sök
clients-search-clear = Visa alla klienter
clients-found = { $count ->
    [0] Inga klienter hittades.
    [one] En klient hittades.
   *[other] { $count } klienter hittades.
  }
statement-client-code = Klientens kod på fakturan
cancel-order-title = Avbeställ
close-order-title = Avsluta beställningen
cancel-order-heading = Vill du avbeställa?
close-order-heading = Vill du avsluta beställningen?
cancel-order-explained = Serviceproducenten har ännu inte bekräftat beställningen. Om du avbeställer den kan pengarna som reserverats för den användas igen.
close-order-explained = Serviceproducenten kan inte längre bokföra nya tjänster på beställningen. Pengarna som reserverats för den kan användas igen. Tjänster som redan bokförts står kvar.
cancel-order-submit = Avbeställ
cancel-order-submit-for = Avbeställ för klienten { $name }
close-order-submit = Avsluta beställningen
close-order-submit-for = Avsluta beställningen för klienten { $name }
end-order-keep = Ändra ingenting
cancel-order-link = Avbeställ
close-order-link = Avsluta beställningen
notice-order-cancelled = Beställningen har avbeställts. De reserverade pengarna kan användas igen.
notice-order-closed = Beställningen har avslutats. De reserverade pengarna kan användas igen.
