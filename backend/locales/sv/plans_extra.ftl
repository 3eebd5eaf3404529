# Planer (issue #17): att avsluta en plan och rapporten om planer.

## Planens status och livsområden
plan-extra-status = Status
plan-extra-status-draft = Utkast
plan-extra-status-decided = Beslutad
plan-extra-status-closed = Avslutad
plan-extra-status-cancelled = Inställd
plan-extra-decision-due = Beslut senast
plan-extra-decision-number = Beslutets nummer
plan-extra-area-home = Hem
plan-extra-area-work = Arbete
plan-extra-area-learning = Studier
plan-extra-area-leisure = Fritid
plan-extra-area-health = Hälsa
plan-extra-area-relationships = Relationer

## Att avsluta eller ställa in en plan
plan-extra-back-to-plan = Tillbaka till planen
plan-extra-close-title = Avsluta uppföljningen av planen
plan-extra-close-heading = Ska uppföljningen av planen avslutas?
plan-extra-close-what = Uppföljningen av planen slutar nu. Planen, målen och bedömningarna kan inte längre ändras. Beslutet och pengarna förblir som de är.
plan-extra-close-choice = Avsluta uppföljningen (planen är beslutad)
plan-extra-close-button = Avsluta uppföljningen nu
plan-extra-cancel-title = Ställ in planen
plan-extra-cancel-heading = Ska planen ställas in?
plan-extra-cancel-what = Inget beslut fattas om planen. Planen, målen och bedömningarna kan inte längre ändras. Klientens svar sparas.
plan-extra-cancel-choice = Ställ in planen (den har inget beslut än)
plan-extra-cancel-button = Ställ in planen nu
plan-extra-ending = Vad görs
plan-extra-ending-hint = Uppföljningen av en beslutad plan avslutas. Ett utkast ställs in.
plan-extra-reason = Orsak
plan-extra-reason-hint = Skriv en orsak som klienten förstår. Högst { $max } tecken.
plan-extra-keep = Ändra inte, tillbaka till planen
notice-plan-extra-closed = Uppföljningen av planen har avslutats.
notice-plan-extra-cancelled = Planen har ställts in.

## Rapporten om planer
plan-extra-nav-report = Planer: rapport
plan-extra-report-title = Rapport om planer
plan-extra-report-heading = Planer: hur snabbt beslut fattas och målen
plan-extra-report-intro = Siffrorna gäller planer där behovet konstaterades under den valda tiden. Klienternas namn visas inte.
plan-extra-report-from = Behovet konstaterat från
plan-extra-report-to = Behovet konstaterat till
plan-extra-report-show = Visa
plan-extra-report-timeliness = Från behov till beslut
plan-extra-report-plans = Planer
plan-extra-report-decided = Beslutade
plan-extra-report-median = Från behov till beslut (median)
plan-extra-report-days = { $count } dagar
plan-extra-report-in-time = Beslutade inom tre månader
plan-extra-report-in-time-value = { $percent } % ({ $count } st.)
plan-extra-report-in-time-hint = Andelen räknas av beslutade planer och av utkast vars tidsfrist redan har gått ut.
plan-extra-report-overdue = Försenade nu
plan-extra-report-cancelled = Inställda
plan-extra-report-evaluations = Bedömningar av mål
plan-extra-report-none = inte än
plan-extra-report-goals = Mål per livsområde
plan-extra-report-goals-caption = Mål, bedömda mål och medelvärdet av de senaste bedömningarna (1–5)
plan-extra-col-area = Område
plan-extra-col-goals = Mål
plan-extra-col-evaluated = Bedömda
plan-extra-col-average = Medelvärde
