# Staff pages: start pages, the demand-gap report, confirmations (issue #16 item 8).

## Recording a delivery: the amount field takes what its hint shows
staff-quantity-hint = Till exempel { $example } eller 1,5.
staff-quantity-error = Skriv mängden med siffror, till exempel { $example } eller 1,5.
staff-quantity-wrong-unit = Enheten för den här tjänsten är { $unit }. Skriv till exempel { $example }.

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
    [one] 1 användarkonto, { $active } i bruk.
   *[other] { $count } användarkonton, { $active } i bruk.
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

## API keys: made, then shown once on the list page
notice-api-key-created = Nyckeln har skapats. Kopiera den nu: den visas inte igen.
