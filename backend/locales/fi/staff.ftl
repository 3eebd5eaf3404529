# Staff pages: start pages, the demand-gap report, confirmations (issue #16 item 8).

## Recording a delivery: the amount field takes what its hint shows
staff-quantity-hint = Esimerkiksi { $amount } tai 1,5.
staff-quantity-error = Kirjoita määrä numerona, esimerkiksi { $amount } tai 1,5.
staff-quantity-wrong-unit = Tämän palvelun yksikkö on { $unit }. Kirjoita esimerkiksi { $amount }.

## Start pages: what waits for each role
nav-start = Tehtävät
start-title = Tehtävät
start-heading = Mitä on tehtävänä
start-provider-heading = Tilaukset ja kirjaukset
start-orders-waiting = { $count ->
    [0] Ei uusia tilauksia.
    [one] 1 uusi tilaus odottaa vastaustasi.
   *[other] { $count } uutta tilausta odottaa vastaustasi.
  }
start-orders-to-record = { $count ->
    [0] Ei voimassa olevia tilauksia, joille kirjata palveluja.
    [one] 1 voimassa oleva tilaus: kirjaa toteutuneet palvelut.
   *[other] { $count } voimassa olevaa tilausta: kirjaa toteutuneet palvelut.
  }
start-provider-disputes = { $count ->
    [0] Ei avoimia reklamaatioita.
    [one] 1 reklamaatio odottaa selvitystäsi.
   *[other] { $count } reklamaatiota odottaa selvitystäsi.
  }
start-case-heading = Asiakastyö
start-clients = { $count ->
    [0] Ei vielä asiakkaita.
    [one] 1 asiakas.
   *[other] { $count } asiakasta.
  }
start-disputes-to-decide = { $count ->
    [0] Ei reklamaatioita päätettävänä.
    [one] 1 reklamaatio odottaa päätöstäsi.
   *[other] { $count } reklamaatiota odottaa päätöstäsi.
  }
start-overdue-providers = { $count ->
    [0] Kaikki palveluntuottajat kirjaavat ajallaan.
    [one] 1 palveluntuottaja ei ole kirjannut ajallaan.
   *[other] { $count } palveluntuottajaa ei ole kirjannut ajallaan.
  }
start-silent-orders = { $count ->
    [0] Ei tilauksia ilman kirjauksia.
    [one] 1 tilaus, jolle ei ole kirjattu mitään ajallaan.
   *[other] { $count } tilausta, joille ei ole kirjattu mitään ajallaan.
  }
start-demand-gaps-link = Mitä asiakkaat etsivät, mutta eivät löytäneet
start-finance-heading = Laskutus: kuukausi { $month }
start-deliveries-to-invoice = { $count ->
    [0] Ei kirjauksia laskutettavana.
    [one] 1 kirjaus odottaa laskutusta.
   *[other] { $count } kirjausta odottaa laskutusta.
  }
start-providers-to-invoice = { $count ->
    [0] Ei palveluntuottajia laskutettavana.
    [one] 1 palveluntuottaja odottaa laskua.
   *[other] { $count } palveluntuottajaa odottaa laskua.
  }
start-invoices-made = { $count ->
    [0] Kuukaudelle ei ole vielä tehty laskuja.
    [one] Kuukaudelle on tehty 1 lasku.
   *[other] Kuukaudelle on tehty { $count } laskua.
  }
start-finance-report = Talous ja raportit
start-catalogue-heading = Palveluvalikoima
start-services = { $count ->
    [0] Valikoimassa ei ole vielä palveluja.
    [one] Valikoimassa on 1 palvelu.
   *[other] Valikoimassa on { $count } palvelua.
  }
start-applications-waiting = { $count ->
    [0] Ei hakemuksia päätettävänä.
    [one] 1 palveluntuottajan hakemus odottaa päätöstä.
   *[other] { $count } palveluntuottajien hakemusta odottaa päätöstä.
  }
start-demand-gaps = { $count ->
    [0] Kaikki haut ovat löytäneet palveluja.
    [one] 1 haku ei löytänyt palvelua.
   *[other] { $count } hakua ei löytänyt palvelua.
  }
start-admin-heading = Ylläpito
start-users = { $count ->
    [one] 1 käyttäjätili, { $n } käytössä.
   *[other] { $count } käyttäjätiliä, { $n } käytössä.
  }
start-moderation-heading = Arvioiden moderointi
start-moderation-link = Ilmoitetut ja piilotetut arviot

## The demand-gap report
gaps-title = Haut ilman tuloksia
gaps-heading = Mitä asiakkaat etsivät, mutta eivät löytäneet
gaps-intro = Nämä haut alueeltanne eivät löytäneet yhtään palvelua. Eniten haetut ovat ensin. Niistä näet, mitä palveluja valikoimasta puuttuu.
gaps-none = Kaikki haut ovat löytäneet palveluja.
gaps-caption = { $count ->
    [one] 1 haku ilman tuloksia
   *[other] { $count } hakua ilman tuloksia
  }
gaps-anywhere = Koko alue
gaps-col-query = Haku
gaps-col-municipality = Kunta
gaps-col-count = Kertaa haettu
gaps-col-first = Ensimmäisen kerran
gaps-col-last = Viimeksi
nav-demand-gaps = Haut ilman tuloksia


## The staff menu on a phone
staff-menu = Valikko

## Staff pages about a client speak of the client, not to her
staff-client-no-allocations = Asiakkaalla ei ole vielä päätöstä.
staff-client-voucher-basis = Näin asiakkaan setelin arvo laskettiin
staff-client-services = Palvelut, jotka asiakas on valinnut
staff-client-no-commitments = Asiakas ei ole vielä valinnut palvelua.
staff-statement-no-own-shares = Asiakkaalla ei ole omavastuita tässä kuussa.

## Confirmations before an act that ends something or moves money
mandate-end-title = Päätä puolesta asioinnin oikeus
mandate-end-heading = Päätetäänkö puolesta asioinnin oikeus?
mandate-end-what = { $name } ei voi enää hoitaa asiakkaan { $client } asioita Valinnassa. Oikeus päättyy heti. Asiakkaan päätökset ja tilaukset säilyvät.
mandate-end-keep = Älä päätä, palaa asiakkaaseen
user-deactivate-title = Poista tili käytöstä
user-deactivate-heading = Poistetaanko tili käytöstä?
user-deactivate-what = { $name } ei voi enää kirjautua Valintaan. Kaikki hänen istuntonsa päättyvät heti. Tiedot säilyvät, ja tilin voi ottaa uudelleen käyttöön.
user-deactivate-confirm = Poista tili käytöstä
user-deactivate-keep = Älä poista, palaa tileihin
user-deactivate-back = Takaisin käyttäjätileihin
grant-check-title = Tarkista päätös
grant-check-heading = Tarkista päätös ennen kuin teet sen
grant-check-what = Myönnät asiakkaalle { $name } { $amount } ({ $kind }) ajalle { $from } – { $to }. Raha on heti asiakkaan käytettävissä.
grant-check-period = Voimassa
grant-check-services = Palvelut
grant-check-any-service = Mikä tahansa päätöksen sallima palvelu
grant-check-confirm = Tee päätös
grant-check-edit = Muuta tietoja
grant-check-cancel = Älä tee päätöstä, palaa asiakkaaseen
staff-paid-from-client-balance = Maksetaan asiakkaan rahasta
