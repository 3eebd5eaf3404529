# The case worker's plan pages (issue #17): caseload, opening a plan, the plan, pricing and the decision.

## Navigation and start page
plan-staff-nav = Planer
plan-staff-start-link = Planer för personlig budget och tidsgränser för besluten

## Words shared by the pages
plan-staff-status-draft = Utkast, beslut inte fattat
plan-staff-status-decided = Beslut fattat
plan-staff-status-closed = Avslutad
plan-staff-status-cancelled = Återkallad
plan-staff-overdue-by = { $count ->
    [one] Försenad 1 dag (tidsgräns { $date })
   *[other] Försenad { $count } dagar (tidsgräns { $date })
  }
plan-staff-col-client = Klient
plan-staff-col-status = Läge
plan-staff-col-need = Behovet konstaterat
plan-staff-col-due = Beslut senast
plan-staff-back-to-plan = Tillbaka till planen
plan-staff-back-to-caseload = Alla planer
plan-staff-choose = Välj

## The caseload
plan-staff-caseload-title = Planer
plan-staff-caseload-heading = Planer för personlig budget
plan-staff-caseload-intro = Beslutet ska fattas inom tre månader från att behovet konstaterades. Försenade utkast visas först.
plan-staff-caseload-found = { $count ->
    [0] Inga planer.
    [one] 1 plan.
   *[other] { $count } planer.
  }
plan-staff-filter-label = Visa
plan-staff-filter-all = Alla planer
plan-staff-filter-open = Beslut inte fattat
plan-staff-filter-decided = Beslut fattat
plan-staff-filter-button = Visa

## The client's page: her plans
plan-staff-client-plans = Planer för personlig budget
plan-staff-client-no-plans = Klienten har ingen plan.
plan-staff-client-plan = Plan, behovet konstaterat { $date }
plan-staff-open-link = Börja en ny plan
plan-staff-continue-draft = Fortsätt med planen under arbete

## Opening a plan
plan-staff-open-title = Börja en plan
plan-staff-open-heading = Börja en plan för personlig budget
plan-staff-open-intro = Anteckna dagen då klientens behov av stöd konstaterades. Beslutet ska fattas inom tre månader från den dagen.
plan-staff-field-need = Behovet konstaterat
plan-staff-open-due-hint = Om behovet konstaterades { $date } ska beslutet fattas senast { $until }. Dagen kan inte vara i framtiden.
plan-staff-open-submit = Börja planen
notice-plan-staff-opened = Planen har påbörjats.
notice-plan-staff-draft-exists = Klienten har redan en plan under arbete; här är den. Fortsätt med den.

## The plan page
plan-staff-title = Plan
plan-staff-heading = Plan för klienten { $name }
plan-staff-estimate = Kostnadsberäkning
plan-staff-decision-number = Beslut { $number }
plan-staff-printable = Beslutet för utskrift
plan-staff-pace-runs-out = I genomsnitt har { $amount } använts per månad. I den takten tar pengarna slut { $date }.
plan-staff-pace-lasts = I genomsnitt har { $amount } använts per månad. I den takten räcker pengarna hela beslutsperioden.
plan-staff-decide-link = Fatta beslut
plan-staff-close-link = Avsluta eller återkalla planen
plan-staff-byline = { $name } ({ $kind }), { $date }
plan-staff-by-client = klienten
plan-staff-by-proxy = ombud
plan-staff-by-case-worker = arbetstagare

## The support plan's answers
plan-staff-answers-heading = Stödplanen med klientens egna ord
plan-staff-answers-intro = Klienten, hennes ombud eller arbetstagaren kan skriva svaren. Vid varje svar syns vem som skrev det och när.
plan-staff-no-answer = Inget svar ännu.
plan-staff-answers-write = Skriv svar tillsammans med klienten
plan-staff-answers-save = Spara svaren
notice-plan-staff-answers-saved = Svaren har sparats.

## Goals and evaluations
plan-staff-goals-heading = Mål
plan-staff-no-goals = Inga mål har antecknats ännu.
plan-staff-area-home = Hemmet
plan-staff-area-work = Arbete
plan-staff-area-learning = Studier och lärande
plan-staff-area-leisure = Fritid
plan-staff-area-health = Hälsa
plan-staff-area-relationships = Relationer
plan-staff-written = Skrivet av
plan-staff-bought = Köpt för målet
plan-staff-nothing-bought = Inga beställningar ännu.
plan-staff-goal-bought = { $count ->
    [one] 1 beställning: { $text }
   *[other] { $count } beställningar: { $text }
  }
plan-staff-evaluations-heading = Bedömningar
plan-staff-no-evaluations = Målet har inte bedömts ännu.
plan-staff-progress = Framsteg { $n } / 5
plan-staff-evaluate = Bedöm målet
plan-staff-field-progress = Hur har målet framskridit?
plan-staff-field-progress-hint = 1 betyder att målet inte har framskridit. 5 betyder att målet är nått.
plan-staff-progress-1 = 1 – inte framskridit
plan-staff-progress-2 = 2 – lite
plan-staff-progress-3 = 3 – en del
plan-staff-progress-4 = 4 – mycket
plan-staff-progress-5 = 5 – målet är nått
plan-staff-field-note = Anteckningar
plan-staff-evaluate-save = Spara bedömningen
notice-plan-staff-evaluation-added = Bedömningen har sparats.
plan-staff-goal-add = Lägg till ett mål
plan-staff-field-area = Livsområde
plan-staff-field-goal = Mål
plan-staff-field-target-date = Måldag
plan-staff-goal-save = Spara målet
notice-plan-staff-goal-added = Målet har lagts till.

## Pricing
plan-staff-budget-heading = Kostnadsberäkning per tjänst
plan-staff-no-lines = Planen har inte prissatts ännu.
plan-staff-col-quantity = Mängd per månad
plan-staff-col-months = Månader
plan-staff-col-unit-price = Enhetspris
plan-staff-col-amount = Sammanlagt
plan-staff-median = medianen av serviceproducenternas priser { $price }
plan-staff-reference-price = referenspris { $price }
plan-staff-line-add = Lägg till en tjänst i beräkningen
plan-staff-choose-service = Välj tjänst
plan-staff-field-service = Tjänst
plan-staff-field-service-hint = Efter tjänsten visas dess referenspris och medianen av serviceproducenternas priser.
plan-staff-field-quantity = Mängd per månad
plan-staff-field-quantity-hint = I tjänstens enheter, till exempel 2,5.
plan-staff-field-months = Månader
plan-staff-field-months-hint = Hela månader, 1–60.
plan-staff-field-unit-price = Enhetspris i euro
plan-staff-field-unit-price-hint = Lämna tomt för att använda tjänstens referenspris. Till exempel 42,50.
plan-staff-line-save = Lägg till i beräkningen
notice-plan-staff-line-added = Tjänsten har lagts till i kostnadsberäkningen.

## The decision
plan-staff-decision-title = Beslut om planen
plan-staff-decision-heading = Fatta beslut om planen
plan-staff-decision-intro = Kostnadsberäkningen är { $amount }. Det beviljade beloppet är detsamma om det inte ändras. Beslutet gäller beräkningens tjänster.
plan-staff-field-granted-hint = I euro, till exempel 1200,00. Tomt: kostnadsberäkningens belopp beviljas.
plan-staff-field-voucher-value-hint = Endast för servicesedel: sedelns värde i euro per enhet.
plan-staff-decision-submit = Granska beslutet
plan-staff-check-cancel = Fatta inte beslutet, tillbaka till planen
plan-staff-already-decided = Beslut { $number } har redan fattats om planen. Inget nytt beslut fattades och inga pengar beviljades på nytt.
notice-plan-staff-decided = Beslutet har fattats.

## Form errors, by field
plan-staff-error-need-identified-on = Skriv dagen då behovet konstaterades. Dagen kan inte vara i framtiden.
plan-staff-error-service-id = Välj en tjänst.
plan-staff-error-quantity-per-month = Skriv mängden per månad som ett tal större än noll, till exempel 2,5.
plan-staff-error-months = Skriv antalet månader som ett heltal 1–60.
plan-staff-error-unit-price = Skriv enhetspriset i euro, till exempel 42,50. Om tjänsten inte har något referenspris måste priset anges.
plan-staff-error-answers = Skriv eller ändra minst ett svar. Ett svar kan vara högst 4000 tecken.
plan-staff-error-area = Välj ett livsområde.
plan-staff-error-text = Skriv målet.
plan-staff-error-target-date = Skriv måldagen rätt eller lämna den tom.
plan-staff-error-progress = Välj hur målet har framskridit (1–5).
plan-staff-error-note = Anteckningarna kan vara högst 2000 tecken.
plan-staff-error-kind = Välj personlig budget eller servicesedel.
plan-staff-error-voucher-value = Skriv sedelns värde i euro. För servicesedel måste det anges.
