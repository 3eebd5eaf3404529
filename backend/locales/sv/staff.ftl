# Staff pages: start pages, the demand-gap report, confirmations (issue #16 item 8).

## Recording a delivery: the amount field takes what its hint shows
staff-quantity-hint = Till exempel { $amount } eller 1,5.
staff-quantity-error = Skriv mängden med siffror, till exempel { $amount } eller 1,5.
staff-quantity-wrong-unit = Enheten för den här tjänsten är { $unit }. Skriv till exempel { $amount }.

## Start pages: what waits for each role
nav-start = Uppgifter
start-title = Uppgifter
start-heading = Det här väntar
start-provider-heading = Beställningar och registreringar
start-orders-waiting = { $count ->
    [0] Inga nya beställningar.
    [one] 1 ny beställning väntar på ditt svar.
   *[other] { $count } nya beställningar väntar på ditt svar.
  }
start-orders-to-record = { $count ->
    [0] Inga gällande beställningar att registrera tjänster på.
    [one] 1 gällande beställning: registrera utförda tjänster.
   *[other] { $count } gällande beställningar: registrera utförda tjänster.
  }
start-provider-disputes = { $count ->
    [0] Inga öppna reklamationer.
    [one] 1 reklamation väntar på din redogörelse.
   *[other] { $count } reklamationer väntar på din redogörelse.
  }
start-case-heading = Klientarbete
start-clients = { $count ->
    [0] Inga klienter ännu.
    [one] 1 klient.
   *[other] { $count } klienter.
  }
start-disputes-to-decide = { $count ->
    [0] Inga reklamationer att avgöra.
    [one] 1 reklamation väntar på ditt beslut.
   *[other] { $count } reklamationer väntar på ditt beslut.
  }
start-overdue-providers = { $count ->
    [0] Alla serviceproducenter registrerar i tid.
    [one] 1 serviceproducent har inte registrerat i tid.
   *[other] { $count } serviceproducenter har inte registrerat i tid.
  }
start-silent-orders = { $count ->
    [0] Inga beställningar utan registreringar.
    [one] 1 beställning där inget har registrerats i tid.
   *[other] { $count } beställningar där inget har registrerats i tid.
  }
start-demand-gaps-link = Vad klienterna sökte men inte hittade
start-finance-heading = Fakturering: månaden { $month }
start-deliveries-to-invoice = { $count ->
    [0] Inga registreringar att fakturera.
    [one] 1 registrering väntar på fakturering.
   *[other] { $count } registreringar väntar på fakturering.
  }
start-providers-to-invoice = { $count ->
    [0] Inga serviceproducenter att fakturera.
    [one] 1 serviceproducent väntar på faktura.
   *[other] { $count } serviceproducenter väntar på faktura.
  }
start-invoices-made = { $count ->
    [0] Inga fakturor har gjorts för månaden ännu.
    [one] 1 faktura har gjorts för månaden.
   *[other] { $count } fakturor har gjorts för månaden.
  }
start-finance-report = Ekonomi och rapporter
start-catalogue-heading = Tjänsteutbud
start-services = { $count ->
    [0] Tjänsteutbudet har inga tjänster ännu.
    [one] Tjänsteutbudet har 1 tjänst.
   *[other] Tjänsteutbudet har { $count } tjänster.
  }
start-applications-waiting = { $count ->
    [0] Inga ansökningar att avgöra.
    [one] 1 ansökan från en serviceproducent väntar på beslut.
   *[other] { $count } ansökningar från serviceproducenter väntar på beslut.
  }
start-demand-gaps = { $count ->
    [0] Alla sökningar har hittat tjänster.
    [one] 1 sökning hittade ingen tjänst.
   *[other] { $count } sökningar hittade ingen tjänst.
  }
start-admin-heading = Administration
start-users = { $count ->
    [one] 1 användarkonto, { $n } i bruk.
   *[other] { $count } användarkonton, { $n } i bruk.
  }
start-moderation-heading = Granskning av omdömen
start-moderation-link = Anmälda och dolda omdömen

## The demand-gap report
gaps-title = Sökningar utan resultat
gaps-heading = Vad klienterna sökte men inte hittade
gaps-intro = De här sökningarna i ert område hittade ingen tjänst. De vanligaste kommer först. De visar vilka tjänster som saknas i tjänsteutbudet.
gaps-none = Alla sökningar har hittat tjänster.
gaps-caption = { $count ->
    [one] 1 sökning utan resultat
   *[other] { $count } sökningar utan resultat
  }
gaps-anywhere = Hela området
gaps-col-query = Sökning
gaps-col-municipality = Kommun
gaps-col-count = Antal gånger
gaps-col-first = Första gången
gaps-col-last = Senast
nav-demand-gaps = Sökningar utan resultat


## The staff menu on a phone
staff-menu = Meny

## Staff pages about a client speak of the client, not to her
staff-client-no-allocations = Klienten har inget beslut ännu.
staff-client-voucher-basis = Så räknades värdet på klientens sedel
staff-client-services = Tjänster som klienten har valt
staff-client-no-commitments = Klienten har inte valt någon tjänst ännu.
staff-statement-no-own-shares = Klienten har ingen självriskandel den här månaden.

## Confirmations before an act that ends something or moves money
mandate-end-title = Avsluta rätten att uträtta ärenden
mandate-end-heading = Ska rätten att uträtta ärenden avslutas?
mandate-end-what = { $name } kan inte längre sköta ärenden för klienten { $client } i Valinta. Rätten upphör genast. Klientens beslut och beställningar finns kvar.
mandate-end-keep = Avsluta inte, tillbaka till klienten
user-deactivate-title = Inaktivera kontot
user-deactivate-heading = Ska kontot inaktiveras?
user-deactivate-what = { $name } kan inte längre logga in i Valinta. Alla hens sessioner avslutas genast. Uppgifterna finns kvar, och kontot kan aktiveras igen.
user-deactivate-confirm = Inaktivera kontot
user-deactivate-keep = Inaktivera inte, tillbaka till kontona
user-deactivate-back = Tillbaka till användarkontona
grant-check-title = Kontrollera beslutet
grant-check-heading = Kontrollera beslutet innan du fattar det
grant-check-what = Du beviljar klienten { $name } { $amount } ({ $kind }) för tiden { $from } – { $to }. Pengarna kan användas genast.
grant-check-period = Giltigt
grant-check-services = Tjänster
grant-check-any-service = Vilken tjänst som helst som beslutet tillåter
grant-check-confirm = Fatta beslutet
grant-check-edit = Ändra uppgifterna
grant-check-cancel = Fatta inte beslutet, tillbaka till klienten
staff-paid-from-client-balance = Betalas med klientens pengar
