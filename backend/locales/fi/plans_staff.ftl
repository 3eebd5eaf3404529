# The case worker's plan pages (issue #17): caseload, opening a plan, the plan, pricing and the decision.

## Navigation and start page
plan-staff-nav = Suunnitelmat
plan-staff-start-link = Henkilökohtaisen budjetin suunnitelmat ja päätösten määräajat

## Words shared by the pages
plan-staff-status-draft = Luonnos, päätös tekemättä
plan-staff-status-decided = Päätös tehty
plan-staff-status-closed = Suljettu
plan-staff-status-cancelled = Peruttu
plan-staff-overdue-by = { $count ->
    [one] Myöhässä 1 päivän (määräaika { $date })
   *[other] Myöhässä { $count } päivää (määräaika { $date })
  }
plan-staff-col-client = Asiakas
plan-staff-col-status = Tila
plan-staff-col-need = Tarve todettu
plan-staff-col-due = Päätös viimeistään
plan-staff-back-to-plan = Takaisin suunnitelmaan
plan-staff-back-to-caseload = Kaikki suunnitelmat
plan-staff-choose = Valitse

## The caseload
plan-staff-caseload-title = Suunnitelmat
plan-staff-caseload-heading = Henkilökohtaisen budjetin suunnitelmat
plan-staff-caseload-intro = Päätös on tehtävä kolmen kuukauden kuluessa siitä, kun tarve todettiin. Myöhässä olevat luonnokset ovat ensin.
plan-staff-caseload-found = { $count ->
    [0] Ei suunnitelmia.
    [one] 1 suunnitelma.
   *[other] { $count } suunnitelmaa.
  }
plan-staff-filter-label = Näytä
plan-staff-filter-all = Kaikki suunnitelmat
plan-staff-filter-open = Päätös tekemättä
plan-staff-filter-decided = Päätös tehty
plan-staff-filter-button = Näytä

## The client's page: her plans
plan-staff-client-plans = Henkilökohtaisen budjetin suunnitelmat
plan-staff-client-no-plans = Asiakkaalla ei ole suunnitelmaa.
plan-staff-client-plan = Suunnitelma, tarve todettu { $date }
plan-staff-open-link = Aloita uusi suunnitelma
plan-staff-continue-draft = Jatka keskeneräistä suunnitelmaa

## Opening a plan
plan-staff-open-title = Aloita suunnitelma
plan-staff-open-heading = Aloita henkilökohtaisen budjetin suunnitelma
plan-staff-open-intro = Kirjaa päivä, jona asiakkaan tuen tarve todettiin. Päätös on tehtävä kolmen kuukauden kuluessa siitä.
plan-staff-field-need = Tarve todettu
plan-staff-open-due-hint = Jos tarve todettiin { $date }, päätös on tehtävä viimeistään { $until }. Päivä ei voi olla tulevaisuudessa.
plan-staff-open-submit = Aloita suunnitelma
notice-plan-staff-opened = Suunnitelma on aloitettu.
notice-plan-staff-draft-exists = Asiakkaalla on jo keskeneräinen suunnitelma; tässä se on. Jatka tätä.

## The plan page
plan-staff-title = Suunnitelma
plan-staff-heading = Asiakkaan { $name } suunnitelma
plan-staff-estimate = Kustannusarvio
plan-staff-decision-number = Päätös { $number }
plan-staff-printable = Tulostettava päätös
plan-staff-pace-runs-out = Rahaa on käytetty keskimäärin { $amount } kuukaudessa. Tällä tahdilla raha loppuu { $date }.
plan-staff-pace-lasts = Rahaa on käytetty keskimäärin { $amount } kuukaudessa. Tällä tahdilla raha riittää koko päätöksen ajan.
plan-staff-decide-link = Tee päätös
plan-staff-close-link = Sulje tai peru suunnitelma
plan-staff-byline = { $name } ({ $kind }), { $date }
plan-staff-by-client = asiakas
plan-staff-by-proxy = puolesta asioija
plan-staff-by-case-worker = työntekijä

## The support plan's answers
plan-staff-answers-heading = Tukisuunnitelma asiakkaan omin sanoin
plan-staff-answers-intro = Asiakas, hänen puolesta asioijansa tai työntekijä voi kirjoittaa vastaukset. Jokaisen vastauksen kohdalla näkyy, kuka sen kirjoitti ja milloin.
plan-staff-no-answer = Ei vielä vastausta.
plan-staff-answers-write = Kirjoita vastauksia yhdessä asiakkaan kanssa
plan-staff-answers-save = Tallenna vastaukset
notice-plan-staff-answers-saved = Vastaukset on tallennettu.

## Goals and evaluations
plan-staff-goals-heading = Tavoitteet
plan-staff-no-goals = Tavoitteita ei ole vielä kirjattu.
plan-staff-area-home = Koti
plan-staff-area-work = Työ
plan-staff-area-learning = Opiskelu ja oppiminen
plan-staff-area-leisure = Vapaa-aika
plan-staff-area-health = Terveys
plan-staff-area-relationships = Ihmissuhteet
plan-staff-written = Kirjoittanut
plan-staff-bought = Ostettu tavoitteeseen
plan-staff-nothing-bought = Ei vielä tilauksia.
plan-staff-goal-bought = { $count ->
    [one] 1 tilaus: { $text }
   *[other] { $count } tilausta: { $text }
  }
plan-staff-evaluations-heading = Arviot
plan-staff-no-evaluations = Tavoitetta ei ole vielä arvioitu.
plan-staff-progress = Edistyminen { $n } / 5
plan-staff-evaluate = Arvioi tavoite
plan-staff-field-progress = Miten tavoite on edistynyt?
plan-staff-field-progress-hint = 1 tarkoittaa, ettei tavoite ole edistynyt. 5 tarkoittaa, että tavoite on saavutettu.
plan-staff-progress-1 = 1 – ei ole edistynyt
plan-staff-progress-2 = 2 – vähän
plan-staff-progress-3 = 3 – jonkin verran
plan-staff-progress-4 = 4 – paljon
plan-staff-progress-5 = 5 – tavoite on saavutettu
plan-staff-field-note = Huomioita
plan-staff-evaluate-save = Tallenna arvio
notice-plan-staff-evaluation-added = Arvio on tallennettu.
plan-staff-goal-add = Lisää tavoite
plan-staff-field-area = Elämän alue
plan-staff-field-goal = Tavoite
plan-staff-field-target-date = Tavoitepäivä
plan-staff-goal-save = Tallenna tavoite
notice-plan-staff-goal-added = Tavoite on lisätty.

## Pricing
plan-staff-budget-heading = Kustannusarvio palveluittain
plan-staff-no-lines = Suunnitelmaa ei ole vielä hinnoiteltu.
plan-staff-col-quantity = Määrä kuukaudessa
plan-staff-col-months = Kuukausia
plan-staff-col-unit-price = Yksikköhinta
plan-staff-col-amount = Yhteensä
plan-staff-median = tuottajien hintojen mediaani { $price }
plan-staff-reference-price = viitehinta { $price }
plan-staff-line-add = Lisää palvelu arvioon
plan-staff-choose-service = Valitse palvelu
plan-staff-field-service = Palvelu
plan-staff-field-service-hint = Palvelun perässä näkyy sen viitehinta ja tuottajien hintojen mediaani.
plan-staff-field-quantity = Määrä kuukaudessa
plan-staff-field-quantity-hint = Palvelun yksikköinä, esimerkiksi 2,5.
plan-staff-field-months = Kuukausia
plan-staff-field-months-hint = Kokonaisina kuukausina, 1–60.
plan-staff-field-unit-price = Yksikköhinta euroina
plan-staff-field-unit-price-hint = Jätä tyhjäksi, niin hintana on palvelun viitehinta. Esimerkiksi 42,50.
plan-staff-line-save = Lisää arvioon
notice-plan-staff-line-added = Palvelu on lisätty kustannusarvioon.

## The decision
plan-staff-decision-title = Päätös suunnitelmasta
plan-staff-decision-heading = Tee päätös suunnitelmasta
plan-staff-decision-intro = Kustannusarvio on { $amount }. Myönnettävä summa on sama, ellei sitä muuteta. Päätös koskee arvion palveluja.
plan-staff-field-granted-hint = Euroina, esimerkiksi 1200,00. Tyhjänä myönnetään kustannusarvion summa.
plan-staff-field-voucher-value-hint = Vain palvelusetelille: setelin arvo euroina yksikköä kohden.
plan-staff-decision-submit = Tarkista päätös
plan-staff-check-cancel = Älä tee päätöstä, palaa suunnitelmaan
plan-staff-already-decided = Suunnitelmasta on jo tehty päätös { $number }. Uutta päätöstä ei tehty eikä rahaa myönnetty uudelleen.
notice-plan-staff-decided = Päätös on tehty.

## Form errors, by field
plan-staff-error-need-identified-on = Kirjoita päivä, jona tarve todettiin. Päivä ei voi olla tulevaisuudessa.
plan-staff-error-service-id = Valitse palvelu.
plan-staff-error-quantity-per-month = Kirjoita määrä kuukaudessa numerona, joka on suurempi kuin nolla, esimerkiksi 2,5.
plan-staff-error-months = Kirjoita kuukausien määrä kokonaislukuna 1–60.
plan-staff-error-unit-price = Kirjoita yksikköhinta euroina, esimerkiksi 42,50. Jos palvelulla ei ole viitehintaa, hinta on pakollinen.
plan-staff-error-answers = Kirjoita tai muuta vähintään yhtä vastausta. Vastaus voi olla enintään 4000 merkkiä.
plan-staff-error-area = Valitse elämän alue.
plan-staff-error-text = Kirjoita tavoite.
plan-staff-error-target-date = Kirjoita tavoitepäivä oikein tai jätä se tyhjäksi.
plan-staff-error-progress = Valitse, miten tavoite on edistynyt (1–5).
plan-staff-error-note = Huomioita voi olla enintään 2000 merkkiä.
plan-staff-error-kind = Valitse henkilökohtainen budjetti tai palveluseteli.
plan-staff-error-voucher-value = Kirjoita setelin arvo euroina. Palvelusetelille se on pakollinen.
