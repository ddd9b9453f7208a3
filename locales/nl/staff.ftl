# The staff pages: the layout and navigation, sign-in, first-run setup and error pages.
# Placeables: $provider is the identity provider's name, $command a command line, $status an HTTP status.
# Staff are addressed with "je", as the survey does.

staff-nav-label = Hoofdmenu
staff-sign-out = Afmelden
staff-nav-dashboard = Dashboard
staff-nav-time = Tijdsverdeling
staff-nav-board = Raad van bestuur
staff-nav-admin = Beheer
staff-nav-schedules = Planningen
staff-nav-roster = Deelnemerslijst
staff-nav-departments = Afdelingen
staff-nav-actions = Acties
staff-nav-users = Gebruikers
staff-nav-audit = Auditlog
staff-role-cto = CTO
staff-role-board = raad van bestuur
staff-role-admin = beheerder
staff-error-prefix = Fout:
staff-field-email = E-mail
staff-field-password = Wachtwoord
staff-field-name = Naam

staff-signin-title = Aanmelden
staff-signin-intro = Voor de CTO, de raad van bestuur en de beheerders van de enquête. Wil je een enquête invullen? Gebruik dan de persoonlijke link in je uitnodiging; daarvoor hoef je je niet aan te melden.
staff-signin-signed-out = Je bent afgemeld bij ctopulse.
staff-signin-provider-sign-out = Meld je ook af bij { $provider }
staff-signin-your-provider = je identiteitsprovider
staff-signin-with-provider = Aanmelden met { $provider }
staff-signin-or-password = Of met je ctopulse-wachtwoord:
staff-signin-passwords-off = Wachtwoorden staan hier uit. Meld je aan via je identiteitsprovider.
staff-signin-expired = Dit aanmeldformulier is verlopen. Meld je opnieuw aan.
staff-signin-empty = Vul je e-mailadres en je wachtwoord in.
staff-signin-not-email = Dat is geen e-mailadres.
staff-signin-too-long = Dat e-mailadres of wachtwoord is te lang.
staff-signin-rejected = E-mailadres of wachtwoord is onjuist.

staff-setup-title = ctopulse instellen
staff-setup-heading = Maak de eerste beheerder aan
staff-setup-intro = Deze pagina werkt alleen zolang er nog geen beheerdersaccount is. De beheerder voegt daarna de CTO, de raad van bestuur en andere beheerders toe.
staff-setup-cli = Werk je liever op de opdrachtregel? { $command } doet hetzelfde en controleert ook de e-mail en de publieke URL.
staff-setup-password = Wachtwoord (minstens 12 tekens)
staff-setup-repeat = Herhaal het wachtwoord
staff-setup-submit = Maak het beheerdersaccount aan
staff-setup-expired = Dit formulier is verlopen. Vul het opnieuw in.
staff-setup-bad-email = Vul een geldig e-mailadres in.
staff-setup-bad-name = Vul een naam van 1–100 tekens in.
staff-setup-differ = De twee wachtwoorden verschillen.

staff-error-home = Naar je startpagina
staff-error-status = Fout { $status }
staff-error-400-title = Dat verzoek kon niet worden gebruikt
staff-error-400-body = Het verzoek was niet geldig.
staff-error-401-title = Meld je aan om verder te gaan
staff-error-401-body = Deze pagina is voor aangemelde medewerkers.
staff-error-403-title = Geen toegang
staff-error-403-body = Je account heeft geen toegang tot deze pagina.
staff-error-404-title = Pagina niet gevonden
staff-error-404-body = Op dit adres staat geen pagina.
staff-error-405-title = Hier niet mogelijk
staff-error-405-body = Deze pagina neemt zo'n soort verzoek niet aan.
staff-error-409-title = Nu niet mogelijk
staff-error-409-body = Dit botst met de huidige stand van zaken.
staff-error-413-title = Te groot
staff-error-413-body = Wat je hebt verstuurd is te groot.
staff-error-429-title = Te veel pogingen
staff-error-429-body = Wacht even en probeer het dan opnieuw.
staff-error-503-title = Tijdelijk niet beschikbaar
staff-error-503-body = Probeer het over een minuut opnieuw.
staff-error-500-title = Er ging iets mis
staff-error-500-body = Er ging bij ons iets mis. Probeer het later opnieuw.
staff-error-other-title = Dat lukte niet
staff-error-other-body = Het verzoek kon niet worden afgerond.
# Waarom een pagina niet getoond kon worden (de API zegt hetzelfde in het Engels).
staff-error-quarter = ‘{ $typed }’ is geen kwartaal. Schrijf het als jaar, Q en nummer, zoals 2026Q3 (jaar 2000–2999, nummer 1–4).
staff-error-no-closed-round = Er is voor { $quarter } nog geen ronde afgesloten.
staff-error-nothing-closed = Er is nog geen ronde afgesloten; resultaten verschijnen zodra de eerste ronde sluit.
staff-error-date = ‘{ $typed }’ is geen datum. Schrijf het als JJJJ-MM-DD.
staff-error-no-user = Deze gebruiker bestaat niet.
staff-error-not-multipart = Upload een bestand via het formulier.
staff-error-form-nul = Het formulier bevat een NUL-teken, dat geen enkel veld accepteert.

staff-notice-commentary-saved = Toelichting voor { $quarter } opgeslagen.
staff-notice-point-added = Kantelpunt toegevoegd.
staff-notice-assessment-saved = Beoordeling voor { $quarter } opgeslagen; ze wacht op bevestiging door de raad van bestuur.
staff-notice-disputed = Beoordeling betwist.
staff-notice-confirmed = Beoordeling bevestigd.
staff-notice-action-recorded = Actie vastgelegd.
staff-notice-action-updated = Actie bijgewerkt.
