<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountCommand</name>
    <message>
        <source>no servers found for %1 (kurierctl discover %1 says why); give them with --pop3-host and --smtp-host</source>
        <translation>keine Server für %1 gefunden (kurierctl discover %1 sagt, warum); geben Sie sie mit --pop3-host und --smtp-host an</translation>
    </message>
    <message>
        <source>the servers found (%1) are outside %2; add --confirm-elsewhere if this provider hosts your mail</source>
        <translation>die gefundenen Server (%1) liegen außerhalb von %2; fügen Sie --confirm-elsewhere hinzu, wenn dieser Anbieter Ihre E-Mail betreibt</translation>
    </message>
    <message>
        <source>found by %1: %2</source>
        <translation>gefunden über %1: %2</translation>
    </message>
</context>
<context>
    <name>AccountManager</name>
    <message>
        <source>The account has errors and was not saved.</source>
        <translation>Das Benutzerkonto enthält Fehler und wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>Dieses Benutzerkonto gibt es nicht.</translation>
    </message>
    <message>
        <source>The account was not deleted because its secrets could not be removed from the keychain: %1</source>
        <translation>Das Benutzerkonto wurde nicht gelöscht, weil seine Kennwörter nicht aus dem Schlüsselbund entfernt werden konnten: %1</translation>
    </message>
</context>
<context>
    <name>AccountProposal</name>
    <message>
        <source>These settings were read without TLS or DNSSEC (%1); check them with your provider.</source>
        <translation>Diese Einstellungen wurden ohne TLS oder DNSSEC gelesen (%1); prüfen Sie sie bei Ihrem Anbieter.</translation>
    </message>
    <message>
        <source>The servers are outside %1; confirm that this provider hosts your mail.</source>
        <translation>Die Server liegen außerhalb von %1; bestätigen Sie, dass dieser Anbieter Ihre E-Mail betreibt.</translation>
    </message>
    <message>
        <source>%1 signs in only with OAuth 2.0, and no source named its OAuth server: enter it (endpoint URL, client ID) from the provider&apos;s documentation.</source>
        <translation>%1 meldet nur mit OAuth 2.0 an, und keine Quelle nennt den OAuth-Server: tragen Sie ihn aus der Dokumentation des Anbieters ein (Endpunkt-URL, Client-ID).</translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>The settings file %1 is damaged and cannot be read. Restore it from a backup or move it away to start afresh.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt und kann nicht gelesen werden. Stellen Sie sie aus einer Sicherung wieder her oder verschieben Sie sie, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer Kurier (format %2).</source>
        <translation>Die Einstellungsdatei %1 wurde von einer neueren Kurier-Version geschrieben (Format %2).</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>AccountValidator</name>
    <message>
        <source>Enter the %1 server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des %1-Servers ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>„%1“ ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>Port 995 uses SSL/TLS from the start, not STARTTLS.</source>
        <translation>Port 995 verwendet SSL/TLS von Anfang an, nicht STARTTLS.</translation>
    </message>
    <message>
        <source>Use SSL/TLS</source>
        <translation>SSL/TLS verwenden</translation>
    </message>
    <message>
        <source>Port 110 is for unencrypted or STARTTLS connections, not SSL/TLS.</source>
        <translation>Port 110 ist für unverschlüsselte und STARTTLS-Verbindungen gedacht, nicht für SSL/TLS.</translation>
    </message>
    <message>
        <source>Use port 995</source>
        <translation>Port 995 verwenden</translation>
    </message>
    <message>
        <source>Port 465 uses SSL/TLS from the start, not STARTTLS.</source>
        <translation>Port 465 verwendet SSL/TLS von Anfang an, nicht STARTTLS.</translation>
    </message>
    <message>
        <source>Port %1 starts unencrypted and switches with STARTTLS; SSL/TLS will not connect.</source>
        <translation>Port %1 beginnt unverschlüsselt und wechselt mit STARTTLS; mit SSL/TLS kommt keine Verbindung zustande.</translation>
    </message>
    <message>
        <source>Use STARTTLS</source>
        <translation>STARTTLS verwenden</translation>
    </message>
    <message>
        <source>Enter the token endpoint URL.</source>
        <translation>Geben Sie die Token-Endpunkt-URL ein.</translation>
    </message>
    <message>
        <source>Replace the placeholder in braces with your tenant ID (Microsoft Entra ID → Overview).</source>
        <translation>Ersetzen Sie den Platzhalter in geschweiften Klammern durch Ihre Mandanten-ID (Microsoft Entra ID → Übersicht).</translation>
    </message>
    <message>
        <source>The endpoint must be an absolute https:// URL.</source>
        <translation>Der Endpunkt muss eine vollständige https://-URL sein.</translation>
    </message>
    <message>
        <source>The endpoint must use https:// (http:// is only allowed for this computer).</source>
        <translation>Der Endpunkt muss https:// verwenden (http:// ist nur für diesen Computer erlaubt).</translation>
    </message>
    <message>
        <source>The endpoint URL must not contain a user name or password.</source>
        <translation>Die Endpunkt-URL darf weder Benutzernamen noch Kennwort enthalten.</translation>
    </message>
    <message>
        <source>Enter the client ID of the registered application.</source>
        <translation>Geben Sie die Client-ID der registrierten Anwendung ein.</translation>
    </message>
    <message>
        <source>This looks like a mail address. The client ID is the application&apos;s ID from its registration.</source>
        <translation>Das sieht nach einer Mailadresse aus. Die Client-ID ist die Anwendungs-ID aus der App-Registrierung.</translation>
    </message>
    <message>
        <source>A Microsoft client ID is a GUID such as 6b29fc40-ca47-1067-b31d-00dd010662da (App registrations → Overview → Application (client) ID).</source>
        <translation>Eine Microsoft-Client-ID ist eine GUID wie 6b29fc40-ca47-1067-b31d-00dd010662da (App-Registrierungen → Übersicht → Anwendungs-ID (Client)).</translation>
    </message>
    <message>
        <source>This looks like the secret&apos;s ID, not its value. Copy the &quot;Value&quot; column under Certificates &amp; secrets (otherwise Microsoft answers AADSTS7000215).</source>
        <translation>Das sieht nach der ID des geheimen Schlüssels aus, nicht nach seinem Wert. Kopieren Sie die Spalte „Wert“ unter „Zertifikate &amp; Geheimnisse“ (sonst antwortet Microsoft mit AADSTS7000215).</translation>
    </message>
    <message>
        <source>App-only access needs the client secret.</source>
        <translation>Der reine App-Zugriff benötigt das Client Secret.</translation>
    </message>
    <message>
        <source>Enter the scope, for Microsoft 365: https://outlook.office365.com/.default</source>
        <translation>Geben Sie den Scope ein, für Microsoft 365: https://outlook.office365.com/.default</translation>
    </message>
    <message>
        <source>Tokens for Microsoft Graph are refused by POP3 and SMTP. Use https://outlook.office365.com/.default</source>
        <translation>Tokens für Microsoft Graph werden von POP3 und SMTP abgelehnt. Verwenden Sie https://outlook.office365.com/.default</translation>
    </message>
    <message>
        <source>Use the Exchange scope</source>
        <translation>Exchange-Scope verwenden</translation>
    </message>
    <message>
        <source>App-only access needs a scope ending in /.default, e.g. https://outlook.office365.com/.default</source>
        <translation>Der reine App-Zugriff benötigt einen Scope, der auf /.default endet, z. B. https://outlook.office365.com/.default</translation>
    </message>
    <message>
        <source>This provider&apos;s sign-in address cannot be derived from the token endpoint; enter it.</source>
        <translation>Die Anmeldeadresse dieses Anbieters lässt sich nicht aus dem Token-Endpunkt ableiten; bitte geben Sie sie ein.</translation>
    </message>
    <message>
        <source>Without encryption your password and mail travel readable by anyone on the network. Confirm that you really want an unencrypted connection.</source>
        <translation>Ohne Verschlüsselung kann jeder im Netzwerk Ihr Kennwort und Ihre Mails mitlesen. Bestätigen Sie, dass Sie wirklich unverschlüsselt verbinden wollen.</translation>
    </message>
    <message>
        <source>Enter a prefix (1 to 10 letters, digits, - or _).</source>
        <translation>Geben Sie ein Präfix ein (1 bis 10 Buchstaben, Ziffern, - oder _).</translation>
    </message>
    <message>
        <source>The prefix may only have 1 to 10 letters, digits, - or _.</source>
        <translation>Das Präfix darf nur aus 1 bis 10 Buchstaben, Ziffern, - oder _ bestehen.</translation>
    </message>
    <message>
        <source>The prefix &quot;%1&quot; is already used by %2.</source>
        <translation>Das Präfix „%1“ wird bereits von %2 verwendet.</translation>
    </message>
    <message>
        <source>Enter the mail address.</source>
        <translation>Geben Sie die eMail-Adresse ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mail address.</source>
        <translation>„%1“ ist keine gültige eMail-Adresse.</translation>
    </message>
    <message>
        <source>The name must not contain line breaks.</source>
        <translation>Der Name darf keine Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>The user name must not contain line breaks.</source>
        <translation>Der Benutzername darf keine Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>The number of days must be from 1 to 3650.</source>
        <translation>Die Anzahl der Tage muss zwischen 1 und 3650 liegen.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Geben Sie das Kennwort ein.</translation>
    </message>
    <message>
        <source>Enter the SMTP password.</source>
        <translation>Geben Sie das SMTP-Kennwort ein.</translation>
    </message>
    <message>
        <source>The EHLO name must be a host name or address literal.</source>
        <translation>Der EHLO-Name muss ein Hostname oder eine IP-Adresse in eckigen Klammern sein.</translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; cannot be read.</source>
        <translation>Die CA-Zertifikatsdatei „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains no PEM certificate.</source>
        <translation>„%1“ enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The client secret expired on %1. Create a new one under Certificates &amp; secrets (&quot;Zertifikate &amp; Geheimnisse&quot;) and enter it here.</source>
        <translation>Das Client Secret ist am %1 abgelaufen. Legen Sie unter „Zertifikate &amp; Geheimnisse“ ein neues an und tragen Sie es hier ein.</translation>
    </message>
    <message>
        <source>The client secret expires on %1. Create a new one before then.</source>
        <translation>Das Client Secret läuft am %1 ab. Legen Sie vorher ein neues an.</translation>
    </message>
    <message>
        <source>The signature has %1 characters; at most %2 are allowed.</source>
        <translation>Die Signatur hat %1 Zeichen; erlaubt sind höchstens %2.</translation>
    </message>
    <message>
        <source>The signature contains control characters; only text, tabs and line breaks are allowed.</source>
        <translation>Die Signatur enthält Steuerzeichen; erlaubt sind nur Text, Tabulatoren und Zeilenumbrüche.</translation>
    </message>
</context>
<context>
    <name>AttachmentOpener</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>AutoconfigParser</name>
    <message>
        <source>the document declares a DTD, which autoconfig files never need</source>
        <translation>das Dokument deklariert eine DTD, die Autoconfig-Dateien nie brauchen</translation>
    </message>
    <message>
        <source>the document uses an entity</source>
        <translation>das Dokument verwendet eine Entity</translation>
    </message>
    <message>
        <source>the document is not a mail configuration (&lt;%1&gt;)</source>
        <translation>das Dokument ist keine E-Mail-Konfiguration (&lt;%1&gt;)</translation>
    </message>
    <message>
        <source>the document is empty</source>
        <translation>das Dokument ist leer</translation>
    </message>
    <message>
        <source>the configuration names no server Kurier can use</source>
        <translation>die Konfiguration nennt keinen Server, den Kurier verwenden kann</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>the document nests too deep</source>
        <translation>das Dokument ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the configuration lists too many servers</source>
        <translation>die Konfiguration nennt zu viele Server</translation>
    </message>
    <message>
        <source>The configuration is larger than %1 KB; autoconfig files are a few KB.</source>
        <translation>Die Konfiguration ist größer als %1 KB; Autoconfig-Dateien sind wenige KB groß.</translation>
    </message>
    <message>
        <source>The configuration is empty.</source>
        <translation>Die Konfiguration ist leer.</translation>
    </message>
</context>
<context>
    <name>CapabilitiesCheck</name>
    <message>
        <source>The server does not answer CAPA (an RFC 1939-only server); USER/PASS is tried.</source>
        <translation>Der Server beantwortet CAPA nicht (ein reiner RFC-1939-Server); USER/PASS wird versucht.</translation>
    </message>
    <message>
        <source>The SMTP server offers no sign-in</source>
        <translation>Der SMTP-Server bietet keine Anmeldung an</translation>
    </message>
    <message>
        <source>%1 did not announce AUTH on this connection; some servers offer it only on another port or after encryption.</source>
        <translation>%1 hat auf dieser Verbindung kein AUTH angekündigt; manche Server bieten es nur auf einem anderen Port oder erst nach der Verschlüsselung an.</translation>
    </message>
    <message>
        <source>Check the SMTP port and the connection security, or switch SMTP authentication off if the server does not need it.</source>
        <translation>Prüfen Sie den SMTP-Port und die Verbindungssicherheit, oder schalten Sie die SMTP-Anmeldung aus, wenn der Server sie nicht braucht.</translation>
    </message>
    <message>
        <source>The SMTP server does not offer OAuth 2.0 sign-in (XOAUTH2 or OAUTHBEARER)</source>
        <translation>Der SMTP-Server bietet keine Anmeldung mit OAuth 2.0 an (XOAUTH2 oder OAUTHBEARER)</translation>
    </message>
    <message>
        <source>%1 offers: %2. At Microsoft 365 this usually means SMTP AUTH is switched off for the tenant or the mailbox.</source>
        <translation>%1 bietet an: %2. Bei Microsoft 365 heißt das meist, dass SMTP AUTH für den Mandanten oder das Postfach ausgeschaltet ist.</translation>
    </message>
    <message>
        <source>Ask the administrator to allow authenticated SMTP (Exchange admin center → the mailbox → Mail apps → Authenticated SMTP), or use a password for SMTP.</source>
        <translation>Bitten Sie den Administrator, authentifiziertes SMTP zu erlauben (Exchange Admin Center → das Postfach → E-Mail-Apps → Authentifiziertes SMTP), oder verwenden Sie für SMTP ein Kennwort.</translation>
    </message>
    <message>
        <source>The SMTP server accepts no password sign-in Kurier knows</source>
        <translation>Der SMTP-Server nimmt keine Kennwort-Anmeldung an, die Kurier kennt</translation>
    </message>
    <message>
        <source>%1 offers: %2.</source>
        <translation>%1 bietet an: %2.</translation>
    </message>
    <message>
        <source>Switch OAuth 2.0 on if the provider supports it.</source>
        <translation>Schalten Sie OAuth 2.0 ein, wenn der Anbieter es unterstützt.</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>check needs exactly one prefix</source>
        <translation>Befehl check braucht genau ein Präfix</translation>
    </message>
    <message>
        <source>no account with prefix &quot;%1&quot;</source>
        <translation>kein Benutzerkonto mit dem Präfix „%1“</translation>
    </message>
    <message>
        <source>Sign in in the browser: %1</source>
        <translation>Melden Sie sich im Browser an: %1</translation>
    </message>
    <message>
        <source>Sign in at %1 with the code %2</source>
        <translation>Melden Sie sich bei %1 mit dem Code %2 an</translation>
    </message>
    <message>
        <source>The account works.</source>
        <translation>Das Benutzerkonto funktioniert.</translation>
    </message>
</context>
<context>
    <name>ClaimsCheck</name>
    <message numerus="yes">
        <source>expires %1 (in %n min)</source>
        <translation>
            <numerusform>läuft %1 ab (in %n Min.)</numerusform>
            <numerusform>läuft %1 ab (in %n Min.)</numerusform>
        </translation>
    </message>
    <message>
        <source>The token is opaque (not a JWT, as Google issues them): only the mail server can check it.</source>
        <translation>Das Token ist undurchsichtig (kein JWT, wie Google sie ausstellt): Nur der Mailserver kann es prüfen.</translation>
    </message>
    <message>
        <source>audience %1</source>
        <translation>Zielgruppe %1</translation>
    </message>
    <message>
        <source>roles %1</source>
        <translation>Rollen %1</translation>
    </message>
    <message>
        <source>scopes %1</source>
        <translation>Scopes %1</translation>
    </message>
    <message>
        <source>tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>The token has already expired</source>
        <translation>Das Token ist bereits abgelaufen</translation>
    </message>
    <message>
        <source>It expired at %1. Either the identity provider issued an old token or this computer&apos;s clock is wrong.</source>
        <translation>Es ist um %1 abgelaufen. Entweder hat der Identitätsanbieter ein altes Token ausgestellt, oder die Uhr dieses Computers geht falsch.</translation>
    </message>
    <message>
        <source>Check the date, time and time zone of this computer, then test again.</source>
        <translation>Prüfen Sie Datum, Uhrzeit und Zeitzone dieses Computers und testen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The token is for %1, not for Exchange Online</source>
        <translation>Das Token gilt für %1, nicht für Exchange Online</translation>
    </message>
    <message>
        <source>POP3 and SMTP at Microsoft 365 accept only tokens for Exchange Online (https://outlook.office.com). A token for Microsoft Graph (graph.microsoft.com) is refused even when its permissions have the same names.</source>
        <translation>POP3 und SMTP bei Microsoft 365 nehmen nur Tokens für Exchange Online (https://outlook.office.com) an. Ein Token für Microsoft Graph (graph.microsoft.com) wird abgelehnt, auch wenn seine Berechtigungen gleich heißen.</translation>
    </message>
    <message>
        <source>Set the OAuth 2.0 scope to &quot;https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access&quot; (app-only: &quot;https://outlook.office365.com/.default&quot;).</source>
        <translation>Setzen Sie den OAuth 2.0 Scope auf „https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access“ (nur App: „https://outlook.office365.com/.default“).</translation>
    </message>
    <message>
        <source>In Microsoft Entra ID → App registrations → your app → API permissions, add the application permission(s) %1 of &quot;Office 365 Exchange Online&quot; and grant admin consent; then register the app&apos;s service principal in Exchange Online (New-ServicePrincipal) and give it access to the mailbox (Add-MailboxPermission).</source>
        <translation>Fügen Sie in Microsoft Entra ID → App-Registrierungen → Ihre App → API-Berechtigungen die Anwendungsberechtigung(en) %1 von „Office 365 Exchange Online“ hinzu und erteilen Sie die Administratorzustimmung; registrieren Sie dann den Dienstprinzipal der App in Exchange Online (New-ServicePrincipal) und geben Sie ihm Zugriff auf das Postfach (Add-MailboxPermission).</translation>
    </message>
    <message>
        <source>In Microsoft Entra ID → App registrations → your app → API permissions, add the delegated permission(s) %1 of &quot;Office 365 Exchange Online&quot; and grant admin consent; request them in the scope (https://outlook.office.com/%2).</source>
        <translation>Fügen Sie in Microsoft Entra ID → App-Registrierungen → Ihre App → API-Berechtigungen die delegierte(n) Berechtigung(en) %1 von „Office 365 Exchange Online“ hinzu und erteilen Sie die Administratorzustimmung; fordern Sie sie im Scope an (https://outlook.office.com/%2).</translation>
    </message>
    <message>
        <source>The token&apos;s roles lack %1</source>
        <translation>Den Rollen des Tokens fehlt %1</translation>
    </message>
    <message>
        <source>The token&apos;s scope lacks %1</source>
        <translation>Dem Scope des Tokens fehlt %1</translation>
    </message>
    <message>
        <source>The token grants: %1. Exchange Online refuses POP3 or SMTP without %2.</source>
        <translation>Das Token erlaubt: %1. Exchange Online verweigert POP3 oder SMTP ohne %2.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>The token was issued by another tenant (%1)</source>
        <translation>Das Token stammt von einem anderen Mandanten (%1)</translation>
    </message>
    <message>
        <source>The token endpoint names tenant %1, but the token comes from %2.</source>
        <translation>Der Token-Endpunkt nennt den Mandanten %1, das Token kommt aber von %2.</translation>
    </message>
    <message>
        <source>Use the token endpoint of your organisation&apos;s tenant (https://login.microsoftonline.com/&lt;tenant&gt;/oauth2/v2.0/token).</source>
        <translation>Verwenden Sie den Token-Endpunkt des Mandanten Ihrer Organisation (https://login.microsoftonline.com/&lt;Mandant&gt;/oauth2/v2.0/token).</translation>
    </message>
</context>
<context>
    <name>ConnectionStep</name>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation>Zertifikat SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>DeletionRequests</name>
    <message>
        <source>The message has no server key.</source>
        <translation>Die Nachricht hat keinen Server-Schlüssel.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Diagnostic</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Cause: %1</source>
        <translation>Ursache: %1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
</context>
<context>
    <name>DiscoverCommand</name>
    <message>
        <source>password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>password (challenge-response)</source>
        <translation>Kennwort (Challenge-Response)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <source>not known (to be probed)</source>
        <translation>noch nicht bekannt (wird ausprobiert)</translation>
    </message>
    <message>
        <source>discover needs exactly one address</source>
        <translation>discover braucht genau eine Adresse</translation>
    </message>
    <message>
        <source>--ispdb needs an https URL</source>
        <translation>--ispdb braucht eine https-URL</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds (up to 600)</source>
        <translation>--timeout braucht eine Anzahl Sekunden (bis 600)</translation>
    </message>
    <message>
        <source>Servers for %1:</source>
        <translation>Server für %1:</translation>
    </message>
    <message>
        <source>Nothing found: enter the servers by hand (the provider&apos;s documentation names them).</source>
        <translation>Nichts gefunden: Geben Sie die Server von Hand ein (die Anleitung des Anbieters nennt sie).</translation>
    </message>
    <message>
        <source>Best: %1 (%2)</source>
        <translation>Am besten: %1 (%2)</translation>
    </message>
    <message>
        <source>Unverified: read without TLS or DNSSEC; check the values with your provider.</source>
        <translation>Unbestätigt: ohne TLS oder DNSSEC gelesen; prüfen Sie die Werte bei Ihrem Anbieter.</translation>
    </message>
    <message>
        <source>The servers are outside %1: confirm that this provider hosts your mail.</source>
        <translation>Die Server liegen außerhalb von %1: Bestätigen Sie, dass dieser Anbieter Ihre E-Mail betreibt.</translation>
    </message>
    <message>
        <source>The domain&apos;s mail is hosted by Microsoft 365 (by its MX record).</source>
        <translation>Die E-Mail der Domain betreibt Microsoft 365 (laut ihrem MX-Eintrag).</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>sign-in: %1</source>
        <translation>Anmeldung: %1</translation>
    </message>
    <message>
        <source>issuer %1</source>
        <translation>Aussteller %1</translation>
    </message>
    <message>
        <source>token endpoint %1</source>
        <translation>Token-Endpunkt %1</translation>
    </message>
    <message>
        <source>scope %1</source>
        <translation>Scope %1</translation>
    </message>
    <message>
        <source>%1 other source(s) found a configuration too.</source>
        <translation>%1 weitere Quelle(n) haben ebenfalls eine Konfiguration gefunden.</translation>
    </message>
    <message>
        <source>--probe-port needs SERVICE=PORT with pop3s, pop3, submissions or submission</source>
        <translation>--probe-port braucht DIENST=PORT mit pop3s, pop3, submissions oder submission</translation>
    </message>
</context>
<context>
    <name>FetchCommand</name>
    <message>
        <source>fetch needs exactly one prefix, or --all</source>
        <translation>Befehl fetch braucht genau ein Präfix oder --all</translation>
    </message>
    <message>
        <source>no account with prefix &quot;%1&quot;</source>
        <translation>kein Benutzerkonto mit dem Präfix „%1“</translation>
    </message>
    <message>
        <source>%1 messages were stored before the failure; the next fetch continues.</source>
        <translation>%1 Nachrichten wurden vor dem Fehler gespeichert; der nächste Abruf setzt fort.</translation>
    </message>
</context>
<context>
    <name>FileLock</name>
    <message>
        <source>Cannot open the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>%1 lässt sich nicht sperren: %2</translation>
    </message>
</context>
<context>
    <name>HeaderIndex</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain has no such entry.</source>
        <translation>Der Schlüsselbund enthält keinen solchen Eintrag.</translation>
    </message>
    <message>
        <source>The keychain refused access (it may be locked). Unlock it and try again. (%1)</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (vielleicht ist er gesperrt). Entsperren Sie ihn und versuchen Sie es erneut. (%1)</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) is running in this session. Start one, or let Kurier ask for the password each time. (%1)</source>
        <translation>Kein Schlüsselbund verfügbar: In dieser Sitzung läuft kein Secret Service (GNOME Keyring, KWallet). Starten Sie einen, oder lassen Sie Kurier jedes Mal nach dem Kennwort fragen. (%1)</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund meldet einen Fehler: %1</translation>
    </message>
</context>
<context>
    <name>LocalAutoconfig</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a usable mail configuration: %2</source>
        <translation>%1 ist keine verwendbare E-Mail-Konfiguration: %2</translation>
    </message>
</context>
<context>
    <name>Mailbox</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>%1 kann nicht nach %2 verschoben werden.</translation>
    </message>
    <message>
        <source>These messages in %1 could not be deleted: %2</source>
        <translation>Diese Nachrichten in %1 konnten nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>These messages in %1 could not be marked as read: %2</source>
        <translation>Diese Nachrichten in %1 konnten nicht als gelesen markiert werden: %2</translation>
    </message>
    <message>
        <source>The message is being sent right now.</source>
        <translation>Die Nachricht wird gerade gesendet.</translation>
    </message>
    <message>
        <source>The message has no recipient.</source>
        <translation>Die Nachricht hat keinen Empfänger.</translation>
    </message>
    <message>
        <source>The message could not be put into the Outbox: %1</source>
        <translation>Die Nachricht konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>Maildir</name>
    <message>
        <source>Cannot sync %1: %2</source>
        <translation>%1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot find a unique file name in %1.</source>
        <translation>In %1 ist kein eindeutiger Dateiname zu finden.</translation>
    </message>
    <message>
        <source>Cannot rename %1: %2</source>
        <translation>%1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot move %1 into new/: %2</source>
        <translation>%1 kann nicht nach new/ verschoben werden: %2</translation>
    </message>
</context>
<context>
    <name>OAuthDiagnostics</name>
    <message>
        <source>Your organisation requires multi-factor authentication (MFA, or Security Defaults are on). A sign-in with user name and password cannot do that.</source>
        <translation>Ihre Organisation verlangt eine mehrstufige Authentifizierung (MFA, oder die Sicherheitsstandards sind aktiviert). Eine Anmeldung mit Benutzername und Kennwort kann das nicht leisten.</translation>
    </message>
    <message>
        <source>Choose &quot;Sign in with the web browser&quot; or &quot;Sign in with a device code&quot; as the sign-in method. Do not turn Security Defaults off for this.</source>
        <translation>Wählen Sie als Anmeldeverfahren „Anmeldung im Webbrowser“ oder „Anmeldung mit Gerätecode“. Schalten Sie dafür nicht die Sicherheitsstandards ab.</translation>
    </message>
    <message>
        <source>Your organisation requires you to register for multi-factor authentication, which a sign-in with user name and password cannot do.</source>
        <translation>Ihre Organisation verlangt, dass Sie sich für die mehrstufige Authentifizierung registrieren; mit einer Anmeldung per Benutzername und Kennwort ist das nicht möglich.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Benutzername oder Kennwort ist falsch.</translation>
    </message>
    <message>
        <source>Check &quot;Benutzerkonto&quot; (for Microsoft 365 the full mail address) and the password.</source>
        <translation>Prüfen Sie „Benutzerkonto“ (bei Microsoft 365 die vollständige Mailadresse) und das Kennwort.</translation>
    </message>
    <message>
        <source>This user does not exist in the tenant.</source>
        <translation>Diesen Benutzer gibt es im Mandanten nicht.</translation>
    </message>
    <message>
        <source>Check the user name (the full mail address) and the tenant ID in the endpoint URL.</source>
        <translation>Prüfen Sie den Benutzernamen (die vollständige Mailadresse) und die Mandanten-ID in der Endpunkt-URL.</translation>
    </message>
    <message>
        <source>The account is locked after too many failed sign-ins.</source>
        <translation>Das Konto ist nach zu vielen fehlgeschlagenen Anmeldungen gesperrt.</translation>
    </message>
    <message>
        <source>Wait a while, then sign in with the correct password, or ask your administrator to unlock it.</source>
        <translation>Warten Sie eine Weile und melden Sie sich dann mit dem richtigen Kennwort an, oder bitten Sie Ihren Administrator, das Konto zu entsperren.</translation>
    </message>
    <message>
        <source>The password has expired.</source>
        <translation>Das Kennwort ist abgelaufen.</translation>
    </message>
    <message>
        <source>Change the password (for example at office.com), then enter the new one here.</source>
        <translation>Ändern Sie das Kennwort (zum Beispiel auf office.com) und geben Sie dann hier das neue ein.</translation>
    </message>
    <message>
        <source>The user account is disabled.</source>
        <translation>Das Benutzerkonto ist deaktiviert.</translation>
    </message>
    <message>
        <source>Ask your administrator to enable the account.</source>
        <translation>Bitten Sie Ihren Administrator, das Konto zu aktivieren.</translation>
    </message>
    <message>
        <source>The saved sign-in is no longer valid (the password was changed or the sign-in revoked).</source>
        <translation>Die gespeicherte Anmeldung ist nicht mehr gültig (das Kennwort wurde geändert oder die Anmeldung widerrufen).</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The application has not been granted the permissions it asks for (admin consent is missing).</source>
        <translation>Der Anwendung wurden die angeforderten Berechtigungen nicht erteilt (die Administratorzustimmung fehlt).</translation>
    </message>
    <message>
        <source>In Microsoft Entra ID → App registrations → your app → API permissions, add POP.AccessAsUser.All and SMTP.Send and click &quot;Grant admin consent&quot; (&quot;Administratorzustimmung erteilen&quot;).</source>
        <translation>Fügen Sie in Microsoft Entra ID → App-Registrierungen → Ihre App → API-Berechtigungen die Berechtigungen POP.AccessAsUser.All und SMTP.Send hinzu und klicken Sie auf „Administratorzustimmung erteilen“.</translation>
    </message>
    <message>
        <source>The user declined to consent to the application&apos;s access.</source>
        <translation>Der Benutzer hat dem Zugriff der Anwendung nicht zugestimmt.</translation>
    </message>
    <message>
        <source>Sign in again and accept, or ask your administrator to grant admin consent.</source>
        <translation>Melden Sie sich erneut an und stimmen Sie zu, oder bitten Sie Ihren Administrator, die Administratorzustimmung zu erteilen.</translation>
    </message>
    <message>
        <source>The client secret is wrong. Often the secret&apos;s ID was pasted instead of its value.</source>
        <translation>Das Client Secret ist falsch. Oft wurde die ID des geheimen Schlüssels statt seines Werts eingefügt.</translation>
    </message>
    <message>
        <source>In App registrations → Certificates &amp; secrets (&quot;Zertifikate &amp; Geheimnisse&quot;), copy the &quot;Value&quot; column of the secret (shown only right after creating it; create a new one if needed).</source>
        <translation>Kopieren Sie unter App-Registrierungen → „Zertifikate &amp; Geheimnisse“ die Spalte „Wert“ des geheimen Schlüssels (sie wird nur direkt nach dem Anlegen angezeigt; legen Sie bei Bedarf einen neuen an).</translation>
    </message>
    <message>
        <source>The client secret has expired.</source>
        <translation>Das Client Secret ist abgelaufen.</translation>
    </message>
    <message>
        <source>Create a new client secret under App registrations → Certificates &amp; secrets (&quot;Zertifikate &amp; Geheimnisse&quot;) and enter its value here, with its new expiry date.</source>
        <translation>Legen Sie unter App-Registrierungen → „Zertifikate &amp; Geheimnisse“ einen neuen geheimen Clientschlüssel an und tragen Sie hier seinen Wert und sein neues Ablaufdatum ein.</translation>
    </message>
    <message>
        <source>The application requires a client secret, but none was sent (it is not registered as a public client).</source>
        <translation>Die Anwendung verlangt ein Client Secret, es wurde aber keines gesendet (sie ist nicht als öffentlicher Client registriert).</translation>
    </message>
    <message>
        <source>Enter the client secret, or in App registrations → Authentication set &quot;Allow public client flows&quot; (&quot;Öffentliche Clientflows zulassen&quot;) to Yes.</source>
        <translation>Geben Sie das Client Secret ein, oder stellen Sie unter App-Registrierungen → Authentifizierung „Öffentliche Clientflows zulassen“ auf „Ja“.</translation>
    </message>
    <message>
        <source>A client secret was sent, but the application is registered as a public client, which has none.</source>
        <translation>Es wurde ein Client Secret gesendet, aber die Anwendung ist als öffentlicher Client registriert, der keines hat.</translation>
    </message>
    <message>
        <source>Remove the client secret from this account.</source>
        <translation>Entfernen Sie das Client Secret aus diesem Benutzerkonto.</translation>
    </message>
    <message>
        <source>No application with this client ID exists in this tenant.</source>
        <translation>In diesem Mandanten gibt es keine Anwendung mit dieser Client-ID.</translation>
    </message>
    <message>
        <source>Check the client ID (App registrations → Overview → &quot;Application (client) ID&quot;) and the tenant ID in the endpoint URL.</source>
        <translation>Prüfen Sie die Client-ID (App-Registrierungen → Übersicht → „Anwendungs-ID (Client)“) und die Mandanten-ID in der Endpunkt-URL.</translation>
    </message>
    <message>
        <source>The application is disabled in the tenant.</source>
        <translation>Die Anwendung ist im Mandanten deaktiviert.</translation>
    </message>
    <message>
        <source>Ask your administrator to enable the application (Enterprise applications → Properties).</source>
        <translation>Bitten Sie Ihren Administrator, die Anwendung zu aktivieren (Unternehmensanwendungen → Eigenschaften).</translation>
    </message>
    <message>
        <source>The tenant in the endpoint URL does not exist.</source>
        <translation>Den Mandanten aus der Endpunkt-URL gibt es nicht.</translation>
    </message>
    <message>
        <source>Check the tenant ID in the endpoint URL (Microsoft Entra ID → Overview → &quot;Tenant ID&quot; / &quot;Mandanten-ID&quot;); it is probably mistyped.</source>
        <translation>Prüfen Sie die Mandanten-ID in der Endpunkt-URL (Microsoft Entra ID → Übersicht → „Mandanten-ID“); wahrscheinlich ist sie falsch geschrieben.</translation>
    </message>
    <message>
        <source>The application is registered for one tenant only, but the endpoint URL uses /common or /organizations.</source>
        <translation>Die Anwendung ist nur für einen Mandanten registriert, die Endpunkt-URL verwendet aber /common oder /organizations.</translation>
    </message>
    <message>
        <source>Put your tenant ID into the endpoint URL instead of &quot;common&quot;.</source>
        <translation>Setzen Sie statt „common“ Ihre Mandanten-ID in die Endpunkt-URL ein.</translation>
    </message>
    <message>
        <source>A Conditional Access policy of your organisation blocked the sign-in.</source>
        <translation>Eine Richtlinie für bedingten Zugriff Ihrer Organisation hat die Anmeldung blockiert.</translation>
    </message>
    <message>
        <source>Ask your administrator which policy applies (sign-in logs in Entra ID show it) and to allow this application or device.</source>
        <translation>Fragen Sie Ihren Administrator, welche Richtlinie greift (die Anmeldeprotokolle in Entra ID zeigen es), und bitten Sie ihn, diese Anwendung oder dieses Gerät zuzulassen.</translation>
    </message>
    <message>
        <source>The redirect address Kurier uses is not registered for the application.</source>
        <translation>Die Umleitungsadresse, die Kurier verwendet, ist für die Anwendung nicht registriert.</translation>
    </message>
    <message>
        <source>In App registrations → Authentication add the platform &quot;Mobile and desktop applications&quot; with the redirect URI http://localhost.</source>
        <translation>Fügen Sie unter App-Registrierungen → Authentifizierung die Plattform „Mobilgerät- und Desktopanwendungen“ mit dem Umleitungs-URI http://localhost hinzu.</translation>
    </message>
    <message>
        <source>The scope is invalid (or mixes permissions of different services).</source>
        <translation>Der Scope ist ungültig (oder mischt Berechtigungen verschiedener Dienste).</translation>
    </message>
    <message>
        <source>Use the scope https://outlook.office365.com/.default (plus offline_access), nothing else.</source>
        <translation>Verwenden Sie den Scope https://outlook.office365.com/.default (plus offline_access) und nichts anderes.</translation>
    </message>
    <message>
        <source>The service named in the scope was not found in your tenant.</source>
        <translation>Der im Scope genannte Dienst wurde in Ihrem Mandanten nicht gefunden.</translation>
    </message>
    <message>
        <source>Check the scope: for Microsoft 365 mail it is https://outlook.office365.com/.default.</source>
        <translation>Prüfen Sie den Scope: Für Mail bei Microsoft 365 lautet er https://outlook.office365.com/.default.</translation>
    </message>
    <message>
        <source>The saved sign-in expired because it was not used for a long time.</source>
        <translation>Die gespeicherte Anmeldung ist abgelaufen, weil sie lange nicht benutzt wurde.</translation>
    </message>
    <message>
        <source>The saved sign-in has expired or was revoked.</source>
        <translation>Die gespeicherte Anmeldung ist abgelaufen oder wurde widerrufen.</translation>
    </message>
    <message>
        <source>The user belongs to a different tenant than the one in the endpoint URL.</source>
        <translation>Der Benutzer gehört zu einem anderen Mandanten als dem aus der Endpunkt-URL.</translation>
    </message>
    <message>
        <source>Use the tenant ID of the user&apos;s own organisation in the endpoint URL.</source>
        <translation>Verwenden Sie in der Endpunkt-URL die Mandanten-ID der Organisation, zu der der Benutzer gehört.</translation>
    </message>
    <message>
        <source>The sign-in needs an interactive session in the browser.</source>
        <translation>Die Anmeldung erfordert eine interaktive Sitzung im Browser.</translation>
    </message>
    <message>
        <source>Choose &quot;Sign in with the web browser&quot; as the sign-in method.</source>
        <translation>Wählen Sie „Anmeldung im Webbrowser“ als Anmeldeverfahren.</translation>
    </message>
    <message>
        <source>The identity provider does not accept the client ID or client secret.</source>
        <translation>Der Identitätsanbieter akzeptiert die Client-ID oder das Client Secret nicht.</translation>
    </message>
    <message>
        <source>Check the client ID and the client secret (its value, not its ID); the secret may have expired.</source>
        <translation>Prüfen Sie die Client-ID und das Client Secret (seinen Wert, nicht seine ID); das Secret ist vielleicht abgelaufen.</translation>
    </message>
    <message>
        <source>The identity provider does not know this client, or requires a client secret.</source>
        <translation>Der Identitätsanbieter kennt diesen Client nicht oder verlangt ein Client Secret.</translation>
    </message>
    <message>
        <source>Check the client ID; if the application is a confidential client, enter its client secret.</source>
        <translation>Prüfen Sie die Client-ID; ist die Anwendung ein vertraulicher Client, geben Sie ihr Client Secret ein.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong, or the saved sign-in has expired.</source>
        <translation>Benutzername oder Kennwort ist falsch, oder die gespeicherte Anmeldung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Check the user name and the password.</source>
        <translation>Prüfen Sie Benutzername und Kennwort.</translation>
    </message>
    <message>
        <source>The application is not allowed to use this sign-in method.</source>
        <translation>Die Anwendung darf dieses Anmeldeverfahren nicht verwenden.</translation>
    </message>
    <message>
        <source>Choose another sign-in method, or allow this one in the application&apos;s registration.</source>
        <translation>Wählen Sie ein anderes Anmeldeverfahren oder erlauben Sie dieses in der App-Registrierung.</translation>
    </message>
    <message>
        <source>The identity provider does not support this sign-in method.</source>
        <translation>Der Identitätsanbieter unterstützt dieses Anmeldeverfahren nicht.</translation>
    </message>
    <message>
        <source>Choose another sign-in method (for example &quot;Sign in with the web browser&quot;).</source>
        <translation>Wählen Sie ein anderes Anmeldeverfahren (zum Beispiel „Anmeldung im Webbrowser“).</translation>
    </message>
    <message>
        <source>The scope is not valid for this identity provider or application.</source>
        <translation>Der Scope ist für diesen Identitätsanbieter oder diese Anwendung ungültig.</translation>
    </message>
    <message>
        <source>Check the scope (for Microsoft 365: https://outlook.office365.com/.default).</source>
        <translation>Prüfen Sie den Scope (für Microsoft 365: https://outlook.office365.com/.default).</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Sign in again and accept the requested access.</source>
        <translation>Melden Sie sich erneut an und stimmen Sie dem angeforderten Zugriff zu.</translation>
    </message>
    <message>
        <source>The device code expired before the sign-in was completed.</source>
        <translation>Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen war.</translation>
    </message>
    <message>
        <source>Start the sign-in again and complete it within the time shown.</source>
        <translation>Starten Sie die Anmeldung erneut und schließen Sie sie in der angezeigten Zeit ab.</translation>
    </message>
    <message>
        <source>The identity provider has a temporary problem.</source>
        <translation>Der Identitätsanbieter hat ein vorübergehendes Problem.</translation>
    </message>
    <message>
        <source>Try again in a few minutes.</source>
        <translation>Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>The identity provider rejected the request as malformed; a setting is probably wrong.</source>
        <translation>Der Identitätsanbieter hat die Anfrage als fehlerhaft abgelehnt; wahrscheinlich ist eine Einstellung falsch.</translation>
    </message>
    <message>
        <source>Check the endpoint URL, the client ID and the scope.</source>
        <translation>Prüfen Sie Endpunkt-URL, Client-ID und Scope.</translation>
    </message>
    <message>
        <source>The identity provider refused to issue a token.</source>
        <translation>Der Identitätsanbieter hat die Ausstellung eines Tokens verweigert.</translation>
    </message>
    <message>
        <source>Check the OAuth 2.0 settings of this account; the server&apos;s message above says more.</source>
        <translation>Prüfen Sie die OAuth-2.0-Einstellungen dieses Kontos; die Meldung des Servers oben sagt mehr.</translation>
    </message>
    <message>
        <source>The identity provider %1 cannot be reached.</source>
        <translation>Der Identitätsanbieter %1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>There is no network connection, the host name is wrong, or a firewall or proxy blocks it.</source>
        <translation>Es besteht keine Netzwerkverbindung, der Hostname ist falsch, oder eine Firewall oder ein Proxy blockiert ihn.</translation>
    </message>
    <message>
        <source>Check the network connection and the endpoint URL.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und die Endpunkt-URL.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted or does not match its name; someone may be intercepting the connection.</source>
        <translation>Das Zertifikat des Servers ist nicht vertrauenswürdig oder passt nicht zu seinem Namen; möglicherweise wird die Verbindung abgehört.</translation>
    </message>
    <message>
        <source>Check the endpoint URL. If your organisation uses its own certificate authority, add its certificate to the account.</source>
        <translation>Prüfen Sie die Endpunkt-URL. Verwendet Ihre Organisation eine eigene Zertifizierungsstelle, fügen Sie deren Zertifikat zum Konto hinzu.</translation>
    </message>
    <message>
        <source>The identity provider %1 gave an answer that is not a token response (HTTP %2).</source>
        <translation>Der Identitätsanbieter %1 hat nicht mit einer Token-Antwort geantwortet (HTTP %2).</translation>
    </message>
    <message>
        <source>The endpoint URL is probably wrong (the server does not know that address).</source>
        <translation>Die Endpunkt-URL ist wahrscheinlich falsch (der Server kennt diese Adresse nicht).</translation>
    </message>
    <message>
        <source>The endpoint URL may point to a web page instead of the token endpoint, or a proxy answered.</source>
        <translation>Die Endpunkt-URL zeigt vielleicht auf eine Webseite statt auf den Token-Endpunkt, oder ein Proxy hat geantwortet.</translation>
    </message>
    <message>
        <source>Check the endpoint URL; for Microsoft 365 it is https://login.microsoftonline.com/&lt;tenant ID&gt;/oauth2/v2.0/token.</source>
        <translation>Prüfen Sie die Endpunkt-URL; für Microsoft 365 lautet sie https://login.microsoftonline.com/&lt;Mandanten-ID&gt;/oauth2/v2.0/token.</translation>
    </message>
    <message>
        <source>The identity provider %1 answered without a usable access token.</source>
        <translation>Der Identitätsanbieter %1 hat ohne brauchbares Zugriffstoken geantwortet.</translation>
    </message>
    <message>
        <source>The server does not behave like an OAuth 2.0 token endpoint.</source>
        <translation>Der Server verhält sich nicht wie ein OAuth-2.0-Token-Endpunkt.</translation>
    </message>
    <message>
        <source>Check the endpoint URL.</source>
        <translation>Prüfen Sie die Endpunkt-URL.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>The identity provider %1 refused the sign-in.</source>
        <translation>Der Identitätsanbieter %1 hat die Anmeldung abgelehnt.</translation>
    </message>
</context>
<context>
    <name>OAuthServerMetadata</name>
    <message>
        <source>The server&apos;s metadata is larger than 256 KB.</source>
        <translation>Die Metadaten des Servers sind größer als 256 KB.</translation>
    </message>
    <message>
        <source>The server&apos;s metadata is not a JSON object: %1</source>
        <translation>Die Metadaten des Servers sind kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>The metadata is for the issuer &quot;%1&quot;, not for %2.</source>
        <translation>Die Metadaten gelten für den Aussteller „%1“, nicht für %2.</translation>
    </message>
    <message>
        <source>The metadata names %1 &quot;%2&quot;, which is not an https URL.</source>
        <translation>Die Metadaten nennen als %1 „%2“, das ist keine https-URL.</translation>
    </message>
    <message>
        <source>The metadata names no token endpoint.</source>
        <translation>Die Metadaten nennen keinen Token-Endpunkt.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Cannot create the mail folders in %1.</source>
        <translation>Die Mail-Ordner in %1 können nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Another Kurier process is sending from this Outbox.</source>
        <translation>Ein anderer Kurier-Prozess versendet gerade aus diesem Postausgang.</translation>
    </message>
    <message>
        <source>Kurier ended while this message was being sent</source>
        <translation>Kurier wurde beendet, während diese Nachricht versendet wurde</translation>
    </message>
    <message>
        <source>It may or may not have reached the server.</source>
        <translation>Sie kann den Server erreicht haben oder auch nicht.</translation>
    </message>
    <message>
        <source>Check with the recipients or in the server&apos;s Sent folder; send it again only if it did not arrive.</source>
        <translation>Fragen Sie bei den Empfängern nach oder sehen Sie im Gesendet-Ordner des Servers nach; senden Sie sie nur erneut, wenn sie nicht angekommen ist.</translation>
    </message>
    <message>
        <source>The message&apos;s envelope is missing</source>
        <translation>Der Nachricht fehlen die Umschlagdaten (Absender und Empfänger)</translation>
    </message>
    <message>
        <source>Open the message and send it again.</source>
        <translation>Öffnen Sie die Nachricht und senden Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>Pop3AccountFetch</name>
    <message>
        <source>The account has no POP3 server.</source>
        <translation>Das Konto hat keinen POP3-Server.</translation>
    </message>
    <message>
        <source>Another fetch for this account is running.</source>
        <translation>Für dieses Konto läuft bereits ein anderer Abruf.</translation>
    </message>
    <message>
        <source>The transcript %1 cannot be written.</source>
        <translation>Das Protokoll %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>No POP3 password is stored for this account.</source>
        <translation>Für dieses Konto ist kein POP3-Kennwort gespeichert.</translation>
    </message>
</context>
<context>
    <name>Pop3Diagnostics</name>
    <message>
        <source>Another program (or another Kurier) has the mailbox open; POP3 allows only one session at a time.</source>
        <translation>Ein anderes Programm (oder ein anderes Kurier) hat das Postfach geöffnet; POP3 erlaubt nur eine Sitzung zur selben Zeit.</translation>
    </message>
    <message>
        <source>Close the other mail program or wait until it has finished, then fetch again.</source>
        <translation>Schließen Sie das andere E-Mail-Programm oder warten Sie, bis es fertig ist, und rufen Sie dann erneut ab.</translation>
    </message>
    <message>
        <source>The server allows only a limited number of logins in a given time.</source>
        <translation>Der Server erlaubt nur eine begrenzte Zahl von Anmeldungen in einem bestimmten Zeitraum.</translation>
    </message>
    <message>
        <source>Wait a few minutes and fetch again; fetch less often.</source>
        <translation>Warten Sie einige Minuten und rufen Sie dann erneut ab; rufen Sie seltener ab.</translation>
    </message>
    <message>
        <source>The server has a temporary problem.</source>
        <translation>Der Server hat ein vorübergehendes Problem.</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server has a permanent problem with this mailbox.</source>
        <translation>Der Server hat ein dauerhaftes Problem mit diesem Postfach.</translation>
    </message>
    <message>
        <source>Ask the mail server&apos;s administrator.</source>
        <translation>Wenden Sie sich an den Administrator des Mailservers.</translation>
    </message>
    <message>
        <source>the conversation</source>
        <translation>der Unterhaltung</translation>
    </message>
    <message>
        <source>%1 closed the connection during %2.</source>
        <translation>%1 hat die Verbindung während %2 geschlossen.</translation>
    </message>
    <message>
        <source>The server or the network ended the connection unexpectedly.</source>
        <translation>Der Server oder das Netzwerk hat die Verbindung unerwartet beendet.</translation>
    </message>
    <message>
        <source>Fetch again: messages already stored are not fetched twice.</source>
        <translation>Rufen Sie erneut ab: Bereits gespeicherte Nachrichten werden nicht doppelt abgerufen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The server or the network is stuck.</source>
        <translation>Der Server oder das Netzwerk hängt.</translation>
    </message>
    <message>
        <source>Fetch again later: messages already stored are not fetched twice.</source>
        <translation>Rufen Sie später erneut ab: Bereits gespeicherte Nachrichten werden nicht doppelt abgerufen.</translation>
    </message>
    <message>
        <source>%1 broke the POP3 protocol; the connection was closed.</source>
        <translation>%1 hat das POP3-Protokoll verletzt; die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The server sent something a POP3 server must not send (or more than the configured limits allow).</source>
        <translation>Der Server hat etwas gesendet, das ein POP3-Server nicht senden darf (oder mehr, als die eingestellten Grenzen erlauben).</translation>
    </message>
    <message>
        <source>Check that the port belongs to a POP3 server; if it does, report this to the provider.</source>
        <translation>Prüfen Sie, ob der Port zu einem POP3-Server gehört; wenn ja, melden Sie dies dem Anbieter.</translation>
    </message>
    <message>
        <source>%1 refused the POP3 session.</source>
        <translation>%1 hat die POP3-Sitzung abgelehnt.</translation>
    </message>
    <message>
        <source>The server is not accepting POP3 sessions right now.</source>
        <translation>Der Server nimmt zurzeit keine POP3-Sitzungen an.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS (STLS); Kurier does not continue unencrypted.</source>
        <translation>%1 bietet kein STARTTLS (STLS) an; Kurier fährt nicht unverschlüsselt fort.</translation>
    </message>
    <message>
        <source>The server does not support STLS, or someone on the network removed it from the capability list.</source>
        <translation>Der Server unterstützt STLS nicht, oder jemand im Netzwerk hat es aus der Liste der Fähigkeiten entfernt.</translation>
    </message>
    <message>
        <source>Use SSL/TLS on port 995 if the server offers it; otherwise ask the provider to enable STLS.</source>
        <translation>Verwenden Sie SSL/TLS auf Port 995, wenn der Server es anbietet; bitten Sie sonst den Anbieter, STLS einzuschalten.</translation>
    </message>
    <message>
        <source>%1 refused STARTTLS (STLS); Kurier does not continue unencrypted.</source>
        <translation>%1 hat STARTTLS (STLS) abgelehnt; Kurier fährt nicht unverschlüsselt fort.</translation>
    </message>
    <message>
        <source>The server announced STLS but refused it.</source>
        <translation>Der Server hat STLS angekündigt, aber abgelehnt.</translation>
    </message>
    <message>
        <source>Try SSL/TLS on port 995, or ask the provider.</source>
        <translation>Versuchen Sie SSL/TLS auf Port 995, oder fragen Sie den Anbieter.</translation>
    </message>
    <message>
        <source>The connection to %1 is not encrypted; Kurier did not send the credentials.</source>
        <translation>Die Verbindung zu %1 ist nicht verschlüsselt; Kurier hat die Anmeldedaten nicht gesendet.</translation>
    </message>
    <message>
        <source>The account uses no encryption, and sending the password in plain text was not explicitly accepted.</source>
        <translation>Das Konto verwendet keine Verschlüsselung, und das Senden des Kennworts im Klartext wurde nicht ausdrücklich erlaubt.</translation>
    </message>
    <message>
        <source>Choose SSL/TLS or STARTTLS for the account, or accept an unencrypted connection for it explicitly.</source>
        <translation>Wählen Sie SSL/TLS oder STARTTLS für das Konto, oder erlauben Sie ausdrücklich eine unverschlüsselte Verbindung dafür.</translation>
    </message>
    <message>
        <source>%1 offers no OAuth 2.0 sign-in (XOAUTH2 or OAUTHBEARER).</source>
        <translation>%1 bietet keine Anmeldung mit OAuth 2.0 an (XOAUTH2 oder OAUTHBEARER).</translation>
    </message>
    <message>
        <source>The server does not support OAuth 2.0 for POP3.</source>
        <translation>Der Server unterstützt OAuth 2.0 für POP3 nicht.</translation>
    </message>
    <message>
        <source>Switch OAuth 2.0 off for this account and use the password, or check the POP3 server name.</source>
        <translation>Schalten Sie OAuth 2.0 für dieses Konto aus und verwenden Sie das Kennwort, oder prüfen Sie den POP3-Servernamen.</translation>
    </message>
    <message>
        <source>%1 offers no password sign-in Kurier can use.</source>
        <translation>%1 bietet keine Kennwort-Anmeldung an, die Kurier verwenden kann.</translation>
    </message>
    <message>
        <source>The server allows neither SASL PLAIN/LOGIN nor USER/PASS (perhaps only OAuth 2.0).</source>
        <translation>Der Server erlaubt weder SASL PLAIN/LOGIN noch USER/PASS (vielleicht nur OAuth 2.0).</translation>
    </message>
    <message>
        <source>Switch OAuth 2.0 on for this account if the provider requires it.</source>
        <translation>Schalten Sie OAuth 2.0 für dieses Konto ein, wenn der Anbieter es verlangt.</translation>
    </message>
    <message>
        <source>%1 refused the sign-in.</source>
        <translation>%1 hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>For app-only access Exchange Online refuses the token when the application&apos;s service principal is not registered in Exchange, or it has no FullAccess permission on this mailbox.</source>
        <translation>Beim Nur-App-Zugriff lehnt Exchange Online das Token ab, wenn der Dienstprinzipal der Anwendung nicht in Exchange registriert ist oder keine FullAccess-Berechtigung für dieses Postfach hat.</translation>
    </message>
    <message>
        <source>An administrator runs New-ServicePrincipal and Add-MailboxPermission -AccessRights FullAccess for the application in Exchange Online PowerShell.</source>
        <translation>Ein Administrator führt New-ServicePrincipal und Add-MailboxPermission -AccessRights FullAccess für die Anwendung in Exchange Online PowerShell aus.</translation>
    </message>
    <message>
        <source>POP is disabled for the mailbox, or the user name does not match the account the token was issued to.</source>
        <translation>POP ist für das Postfach deaktiviert, oder der Benutzername passt nicht zu dem Konto, für das das Token ausgestellt wurde.</translation>
    </message>
    <message>
        <source>Enable POP for the mailbox (Exchange admin center → Mailboxes → Email apps, or Set-CASMailbox -PopEnabled $true) and make the POP3 user the signed-in address.</source>
        <translation>Aktivieren Sie POP für das Postfach (Exchange Admin Center → Postfächer → E-Mail-Apps, oder Set-CASMailbox -PopEnabled $true) und verwenden Sie als POP3-Benutzer die angemeldete Adresse.</translation>
    </message>
    <message>
        <source>Exchange Online no longer accepts passwords for POP (basic authentication is switched off).</source>
        <translation>Exchange Online nimmt für POP keine Kennwörter mehr an (die Standardauthentifizierung ist abgeschaltet).</translation>
    </message>
    <message>
        <source>Switch on OAuth 2.0 for this account (Vorlage → Microsoft 365).</source>
        <translation>Schalten Sie OAuth 2.0 für dieses Konto ein (Vorlage → Microsoft 365).</translation>
    </message>
    <message>
        <source>The server did not accept the access token, even a freshly issued one: it belongs to another user, has the wrong audience or scope, or POP access is not allowed for the mailbox.</source>
        <translation>Der Server hat das Zugriffstoken nicht akzeptiert, auch kein frisch ausgestelltes: Es gehört einem anderen Benutzer, hat die falsche Zielgruppe oder den falschen Bereich, oder POP-Zugriff ist für das Postfach nicht erlaubt.</translation>
    </message>
    <message>
        <source>Check the user name, the OAuth scope and the mailbox&apos;s POP permission; `kurierctl token` shows whom the token was issued to.</source>
        <translation>Prüfen Sie den Benutzernamen, den OAuth-Bereich und die POP-Berechtigung des Postfachs; `kurierctl token` zeigt, für wen das Token ausgestellt wurde.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong, or the mailbox does not allow POP3.</source>
        <translation>Benutzername oder Kennwort ist falsch, oder das Postfach erlaubt kein POP3.</translation>
    </message>
    <message>
        <source>Check the user name and enter the password again.</source>
        <translation>Prüfen Sie den Benutzernamen und geben Sie das Kennwort erneut ein.</translation>
    </message>
    <message>
        <source>%1 refused %2.</source>
        <translation>%1 hat %2 abgelehnt.</translation>
    </message>
    <message>
        <source>The server could not carry out the command.</source>
        <translation>Der Server konnte den Befehl nicht ausführen.</translation>
    </message>
    <message>
        <source>Try again later; if it persists, report the server&apos;s text to the provider.</source>
        <translation>Versuchen Sie es später noch einmal; wenn es so bleibt, melden Sie den Text des Servers dem Anbieter.</translation>
    </message>
    <message>
        <source>A message of %1 bytes exceeds the limit of %2 bytes.</source>
        <translation>Eine Nachricht von %1 Bytes überschreitet die Grenze von %2 Bytes.</translation>
    </message>
    <message>
        <source>The server sent more than the maximum message size allows.</source>
        <translation>Der Server hat mehr gesendet, als die maximale Nachrichtengröße erlaubt.</translation>
    </message>
    <message>
        <source>Raise the maximum message size, or fetch the message with another program.</source>
        <translation>Erhöhen Sie die maximale Nachrichtengröße, oder rufen Sie die Nachricht mit einem anderen Programm ab.</translation>
    </message>
    <message>
        <source>%1 is sending far too slowly; the connection was closed.</source>
        <translation>%1 sendet viel zu langsam; die Verbindung wurde getrennt.</translation>
    </message>
    <message>
        <source>Only %1 bytes of the reply arrived in %2 s.</source>
        <translation>Von der Antwort kamen in %2 s nur %1 Bytes an.</translation>
    </message>
</context>
<context>
    <name>Pop3Fetch</name>
    <message>
        <source>The server does not support UIDL; messages are recognised by their Message-ID.</source>
        <translation>Der Server unterstützt UIDL nicht; Nachrichten werden an ihrer Message-ID erkannt.</translation>
    </message>
    <message>
        <source>Message %1 (%2 bytes) is larger than the limit of %3 bytes and was not fetched.</source>
        <translation>Nachricht %1 (%2 Bytes) ist größer als die Grenze von %3 Bytes und wurde nicht abgerufen.</translation>
    </message>
    <message>
        <source>The server refused to delete message %1: %2</source>
        <translation>Der Server hat das Löschen von Nachricht %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Messages cannot be stored in %1.</source>
        <translation>Nachrichten können nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>Check free disk space and the folder&apos;s permissions, then fetch again.</source>
        <translation>Prüfen Sie den freien Speicherplatz und die Berechtigungen des Ordners und rufen Sie dann erneut ab.</translation>
    </message>
    <message>
        <source>The server did not deliver message %1 (%2); it stays on the server and is tried again next time.</source>
        <translation>Der Server hat Nachricht %1 nicht ausgeliefert (%2); sie bleibt auf dem Server und wird beim nächsten Mal erneut versucht.</translation>
    </message>
</context>
<context>
    <name>Pop3Session</name>
    <message>
        <source>Connecting to %1:%2 …</source>
        <translation>Verbinde mit %1:%2 …</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>Greeting: %1</source>
        <translation>Begrüßung: %1</translation>
    </message>
    <message>
        <source>Capabilities: %1</source>
        <translation>Fähigkeiten: %1</translation>
    </message>
    <message>
        <source>Signing in as %1 with %2 …</source>
        <translation>Anmeldung als %1 mit %2 …</translation>
    </message>
    <message>
        <source>Signing in as %1 with USER/PASS …</source>
        <translation>Anmeldung als %1 mit USER/PASS …</translation>
    </message>
    <message>
        <source>The server refused the token; getting a new one …</source>
        <translation>Der Server hat das Token abgelehnt; ein neues wird geholt …</translation>
    </message>
    <message>
        <source>Signed in (%1).</source>
        <translation>Angemeldet (%1).</translation>
    </message>
    <message>
        <source>the session</source>
        <translation>der Sitzung</translation>
    </message>
</context>
<context>
    <name>Probe</name>
    <message>
        <source>probed: %1</source>
        <translation>ausprobiert: %1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1: certificate not trusted (%2)</source>
        <translation>%1: Zertifikat nicht vertrauenswürdig (%2)</translation>
    </message>
    <message>
        <source>%1: TLS failed (%2)</source>
        <translation>%1: TLS fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1: no STARTTLS, not used in plain text</source>
        <translation>%1: kein STARTTLS, unverschlüsselt nicht verwendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ReplyRules</name>
    <message>
        <source>%1 wrote:</source>
        <translation>%1 schrieb:</translation>
    </message>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- Weitergeleitete Nachricht --------</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Von: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
</context>
<context>
    <name>SendCommand</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown outcome</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>The Outbox is empty.</source>
        <translation>Der Postausgang ist leer.</translation>
    </message>
    <message>
        <source>to: %1</source>
        <translation>an: %1</translation>
    </message>
    <message>
        <source>next attempt: %1</source>
        <translation>nächster Versuch: %1</translation>
    </message>
    <message>
        <source>no account with prefix &quot;%1&quot;</source>
        <translation>kein Benutzerkonto mit dem Präfix „%1“</translation>
    </message>
    <message>
        <source>account %1 has no SMTP server</source>
        <translation>Benutzerkonto %1 hat keinen SMTP-Server</translation>
    </message>
    <message>
        <source>no message %1 in the Outbox</source>
        <translation>keine Nachricht %1 im Postausgang</translation>
    </message>
    <message>
        <source>%1: queued in the Outbox</source>
        <translation>%1: in den Postausgang gelegt</translation>
    </message>
    <message>
        <source>%1: sent (%2)</source>
        <translation>%1: gesendet (%2)</translation>
    </message>
    <message>
        <source>%1: deferred, kept in the Outbox and tried again later</source>
        <translation>%1: zurückgestellt, bleibt im Postausgang und wird später erneut versucht</translation>
    </message>
    <message>
        <source>%1: not sent, kept in the Outbox</source>
        <translation>%1: nicht gesendet, bleibt im Postausgang</translation>
    </message>
    <message>
        <source>%1: unknown whether it was sent; kept in the Outbox (send it again with --retry)</source>
        <translation>%1: unbekannt, ob sie gesendet wurde; bleibt im Postausgang (erneut senden mit --retry)</translation>
    </message>
    <message>
        <source>%1: accepted</source>
        <translation>%1: angenommen</translation>
    </message>
    <message>
        <source>%1: refused: %2</source>
        <translation>%1: abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1: not now: %2 (kept in the Outbox for this recipient)</source>
        <translation>%1: vorerst nicht: %2 (bleibt für diesen Empfänger im Postausgang)</translation>
    </message>
    <message>
        <source>Sign in with your browser at:</source>
        <translation>Melden Sie sich im Browser an unter:</translation>
    </message>
    <message>
        <source>To sign in, open %1 and enter the code %2</source>
        <translation>Zum Anmelden öffnen Sie %1 und geben den Code %2 ein</translation>
    </message>
</context>
<context>
    <name>ServerProbe</name>
    <message>
        <source>no AUTH</source>
        <translation>kein AUTH</translation>
    </message>
    <message>
        <source>no CAPA (USER/PASS)</source>
        <translation>kein CAPA (USER/PASS)</translation>
    </message>
    <message>
        <source>no sign-in</source>
        <translation>keine Anmeldung</translation>
    </message>
</context>
<context>
    <name>SmtpDiagnostics</name>
    <message>
        <source>SMTP AUTH is switched off for your organisation or mailbox</source>
        <translation>SMTP AUTH ist für Ihre Organisation oder Ihr Postfach abgeschaltet</translation>
    </message>
    <message>
        <source>Microsoft 365 refuses authenticated SMTP (SMTP AUTH) for this tenant or mailbox. Security Defaults also switch it off.</source>
        <translation>Microsoft 365 lehnt authentifiziertes SMTP (SMTP AUTH) für diesen Mandanten oder dieses Postfach ab. Auch die Sicherheitsstandards schalten es ab.</translation>
    </message>
    <message>
        <source>An administrator opens the Exchange admin center → Settings → Mail flow and unticks &quot;Turn off SMTP AUTH protocol for your organization&quot;, or runs Set-CASMailbox -Identity &lt;address&gt; -SmtpClientAuthenticationDisabled $false. With Security Defaults on, SMTP AUTH stays off until they are replaced by Conditional Access policies.</source>
        <translation>Ein Administrator öffnet das Exchange Admin Center → Einstellungen → Nachrichtenfluss und entfernt das Häkchen bei „SMTP AUTH-Protokoll für Ihre Organisation deaktivieren“ („Turn off SMTP AUTH protocol for your organization“), oder führt Set-CASMailbox -Identity &lt;address&gt; -SmtpClientAuthenticationDisabled $false aus. Solange die Sicherheitsstandards aktiv sind, bleibt SMTP AUTH aus, bis sie durch Richtlinien für bedingten Zugriff ersetzt werden.</translation>
    </message>
    <message>
        <source>Microsoft 365 refused the sign-in</source>
        <translation>Microsoft 365 hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>The account is blocked from signing in, or SMTP AUTH is not allowed for it (Security Defaults, Conditional Access or a disabled mailbox protocol).</source>
        <translation>Das Konto ist für die Anmeldung gesperrt, oder SMTP AUTH ist für es nicht erlaubt (Sicherheitsstandards, bedingter Zugriff oder ein abgeschaltetes Postfachprotokoll).</translation>
    </message>
    <message>
        <source>Ask an administrator to check the user&apos;s sign-in status in Microsoft Entra ID and that &quot;Authenticated SMTP&quot; is enabled for the mailbox (Exchange admin center → Recipients → Mailboxes → Mail apps).</source>
        <translation>Bitten Sie einen Administrator, den Anmeldestatus des Benutzers in Microsoft Entra ID zu prüfen und ob „Authentifiziertes SMTP“ für das Postfach aktiviert ist (Exchange Admin Center → Empfänger → Postfächer → E-Mail-Apps).</translation>
    </message>
    <message>
        <source>The server did not accept the sign-in</source>
        <translation>Der Server hat die Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>With OAuth 2.0, Microsoft 365 answers this when the token is for another audience or scope (not https://outlook.office365.com/.default or SMTP.Send), or belongs to another user than the SMTP user name. With a password: user name or password are wrong, or basic authentication is switched off.</source>
        <translation>Mit OAuth 2.0 antwortet Microsoft 365 so, wenn das Token für eine andere Zielgruppe oder einen anderen Scope ausgestellt ist (nicht https://outlook.office365.com/.default oder SMTP.Send) oder einem anderen Benutzer als dem SMTP-Benutzernamen gehört. Mit Kennwort: Benutzername oder Kennwort sind falsch, oder die Standardauthentifizierung ist abgeschaltet.</translation>
    </message>
    <message>
        <source>Check that the scope is https://outlook.office365.com/.default (or SMTP.Send), that the app registration has the SMTP.Send permission with admin consent, and that the SMTP user name is the address the token was issued to (kurierctl token shows it).</source>
        <translation>Prüfen Sie, dass der Scope https://outlook.office365.com/.default (oder SMTP.Send) lautet, dass die App-Registrierung die Berechtigung SMTP.Send mit Administratorzustimmung hat und dass der SMTP-Benutzername die Adresse ist, für die das Token ausgestellt wurde (kurierctl token zeigt sie).</translation>
    </message>
    <message>
        <source>The mailbox could not be opened for sending</source>
        <translation>Das Postfach konnte zum Senden nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Microsoft 365 accepted the application&apos;s token but the application has no permission on this mailbox (app-only access needs a service principal with mailbox permission), or the mailbox is not available right now.</source>
        <translation>Microsoft 365 hat das Token der Anwendung angenommen, aber die Anwendung hat keine Berechtigung für dieses Postfach (Zugriff nur als Anwendung braucht einen Dienstprinzipal mit Postfachberechtigung), oder das Postfach ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>An administrator registers the application&apos;s service principal in Exchange Online (New-ServicePrincipal) and grants it FullAccess on the mailbox (Add-MailboxPermission), then tries again.</source>
        <translation>Ein Administrator registriert den Dienstprinzipal der Anwendung in Exchange Online (New-ServicePrincipal) und gibt ihm FullAccess auf das Postfach (Add-MailboxPermission); danach erneut versuchen.</translation>
    </message>
    <message>
        <source>You may not send as this address</source>
        <translation>Sie dürfen nicht als diese Adresse senden</translation>
    </message>
    <message>
        <source>The From address is not the signed-in mailbox, and the user has no &quot;Send As&quot; permission for it.</source>
        <translation>Die Absenderadresse ist nicht das angemeldete Postfach, und der Benutzer hat dafür keine „Senden als“-Berechtigung.</translation>
    </message>
    <message>
        <source>Send from your own address, or ask an administrator to grant you Send As on the other mailbox (Exchange admin center → Recipients → Mailboxes → Delegation).</source>
        <translation>Senden Sie von Ihrer eigenen Adresse, oder bitten Sie einen Administrator, Ihnen „Senden als“ für das andere Postfach zu erteilen (Exchange Admin Center → Empfänger → Postfächer → Delegierung).</translation>
    </message>
    <message>
        <source>The server requires an encrypted connection</source>
        <translation>Der Server verlangt eine verschlüsselte Verbindung</translation>
    </message>
    <message>
        <source>The server accepts commands only after STARTTLS.</source>
        <translation>Der Server nimmt Befehle erst nach STARTTLS an.</translation>
    </message>
    <message>
        <source>Set the SMTP connection security to STARTTLS or SSL/TLS.</source>
        <translation>Stellen Sie die sichere Verbindung für SMTP auf STARTTLS oder SSL/TLS.</translation>
    </message>
    <message>
        <source>User name, password or token were not accepted (RFC 4954: authentication credentials invalid).</source>
        <translation>Benutzername, Kennwort oder Token wurden nicht angenommen (RFC 4954: ungültige Anmeldedaten).</translation>
    </message>
    <message>
        <source>Check the SMTP user name and password; with OAuth 2.0, sign in again (kurierctl token --force).</source>
        <translation>Prüfen Sie SMTP-Benutzername und Kennwort; mit OAuth 2.0 melden Sie sich erneut an (kurierctl token --force).</translation>
    </message>
    <message>
        <source>The server refused to relay or to accept this sender</source>
        <translation>Der Server lehnt es ab, weiterzuleiten oder diesen Absender anzunehmen</translation>
    </message>
    <message>
        <source>The server&apos;s policy does not allow this message: usually the sender address is not yours, or the server wants you to sign in first.</source>
        <translation>Die Richtlinien des Servers lassen diese Nachricht nicht zu: Meist gehört die Absenderadresse nicht Ihnen, oder der Server verlangt zuerst eine Anmeldung.</translation>
    </message>
    <message>
        <source>Send from the account&apos;s own address and make sure SMTP authentication is switched on for the account.</source>
        <translation>Senden Sie von der Adresse des Benutzerkontos und stellen Sie sicher, dass die SMTP-Anmeldung für das Konto eingeschaltet ist.</translation>
    </message>
    <message>
        <source>Unknown recipient</source>
        <translation>Unbekannter Empfänger</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox does not exist (RFC 3463 X.1.1).</source>
        <translation>Das Postfach des Empfängers existiert nicht (RFC 3463 X.1.1).</translation>
    </message>
    <message>
        <source>Check the address for typing errors.</source>
        <translation>Prüfen Sie die Adresse auf Tippfehler.</translation>
    </message>
    <message>
        <source>The SMTP server refused the connection</source>
        <translation>Der SMTP-Server hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>The SMTP server refused the greeting (EHLO)</source>
        <translation>Der SMTP-Server hat die Begrüßung (EHLO) abgelehnt</translation>
    </message>
    <message>
        <source>Set an explicit host name for EHLO in the account&apos;s SMTP settings.</source>
        <translation>Tragen Sie in den SMTP-Einstellungen des Benutzerkontos einen festen Rechnernamen für EHLO ein.</translation>
    </message>
    <message>
        <source>The SMTP server refused to start TLS</source>
        <translation>Der SMTP-Server hat den Start von TLS abgelehnt</translation>
    </message>
    <message>
        <source>The message was not sent, because it would have gone unencrypted.</source>
        <translation>Die Nachricht wurde nicht gesendet, weil sie unverschlüsselt übertragen worden wäre.</translation>
    </message>
    <message>
        <source>Try again later, or ask the server&apos;s administrator; use SSL/TLS (port 465) if the server offers it.</source>
        <translation>Versuchen Sie es später erneut oder fragen Sie den Administrator des Servers; verwenden Sie SSL/TLS (Port 465), wenn der Server es anbietet.</translation>
    </message>
    <message>
        <source>The SMTP server did not accept the sign-in</source>
        <translation>Der SMTP-Server hat die Anmeldung nicht angenommen</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Check the SMTP user name and password, or the OAuth 2.0 settings.</source>
        <translation>Prüfen Sie SMTP-Benutzername und Kennwort oder die OAuth-2.0-Einstellungen.</translation>
    </message>
    <message>
        <source>The SMTP server refused the sender address</source>
        <translation>Der SMTP-Server hat die Absenderadresse abgelehnt</translation>
    </message>
    <message>
        <source>Send from the account&apos;s own address.</source>
        <translation>Senden Sie von der Adresse des Benutzerkontos.</translation>
    </message>
    <message>
        <source>The SMTP server refused the recipient</source>
        <translation>Der SMTP-Server hat den Empfänger abgelehnt</translation>
    </message>
    <message>
        <source>Check the recipient&apos;s address.</source>
        <translation>Prüfen Sie die Adresse des Empfängers.</translation>
    </message>
    <message>
        <source>The SMTP server refused the message</source>
        <translation>Der SMTP-Server hat die Nachricht abgelehnt</translation>
    </message>
    <message>
        <source>Kurier tries again later.</source>
        <translation>Kurier versucht es später erneut.</translation>
    </message>
    <message>
        <source>A temporary problem on the server (4xx): sending again later may work.</source>
        <translation>Ein vorübergehendes Problem auf dem Server (4xx): Ein späterer Versuch kann gelingen.</translation>
    </message>
    <message>
        <source>A permanent refusal (5xx): sending the same again will fail again.</source>
        <translation>Eine endgültige Ablehnung (5xx): Dieselbe Nachricht erneut zu senden, scheitert wieder.</translation>
    </message>
    <message>
        <source>Read the server&apos;s answer above.</source>
        <translation>Lesen Sie die Antwort des Servers oben.</translation>
    </message>
    <message>
        <source>The SMTP server stopped answering</source>
        <translation>Der SMTP-Server antwortet nicht mehr</translation>
    </message>
    <message>
        <source>No reply from %1 within the time limit.</source>
        <translation>Keine Antwort von %1 innerhalb der Frist.</translation>
    </message>
    <message>
        <source>Kurier tries again later. If it keeps happening, check the network and the server.</source>
        <translation>Kurier versucht es später erneut. Wenn das wiederholt passiert, prüfen Sie Netzwerk und Server.</translation>
    </message>
    <message>
        <source>Unencrypted SMTP was not accepted for this account</source>
        <translation>Unverschlüsseltes SMTP wurde für dieses Benutzerkonto nicht erlaubt</translation>
    </message>
    <message>
        <source>The account is set to connect without encryption, but that was never confirmed.</source>
        <translation>Das Benutzerkonto ist auf eine Verbindung ohne Verschlüsselung eingestellt, aber das wurde nie bestätigt.</translation>
    </message>
    <message>
        <source>Choose STARTTLS or SSL/TLS, or confirm the unencrypted connection in the account settings.</source>
        <translation>Wählen Sie STARTTLS oder SSL/TLS, oder bestätigen Sie die unverschlüsselte Verbindung in den Einstellungen des Benutzerkontos.</translation>
    </message>
    <message>
        <source>Sending was cancelled</source>
        <translation>Das Senden wurde abgebrochen</translation>
    </message>
    <message>
        <source>The SMTP server does not offer STARTTLS</source>
        <translation>Der SMTP-Server bietet kein STARTTLS an</translation>
    </message>
    <message>
        <source>The account requires an encrypted connection, and %1 did not offer to encrypt it (or something between you and the server removed the offer).</source>
        <translation>Das Benutzerkonto verlangt eine verschlüsselte Verbindung, und %1 hat keine Verschlüsselung angeboten (oder etwas zwischen Ihnen und dem Server hat das Angebot entfernt).</translation>
    </message>
    <message>
        <source>Check the SMTP server and port (STARTTLS is usually port 587, SSL/TLS port 465). Nothing was sent unencrypted.</source>
        <translation>Prüfen Sie SMTP-Server und Port (STARTTLS meist Port 587, SSL/TLS Port 465). Es wurde nichts unverschlüsselt gesendet.</translation>
    </message>
    <message>
        <source>The SMTP server offers no sign-in</source>
        <translation>Der SMTP-Server bietet keine Anmeldung an</translation>
    </message>
    <message>
        <source>%1 did not announce AUTH on this connection; some servers offer it only on another port or after encryption.</source>
        <translation>%1 hat auf dieser Verbindung kein AUTH angeboten; manche Server bieten es nur auf einem anderen Port oder erst nach der Verschlüsselung an.</translation>
    </message>
    <message>
        <source>Check the SMTP port and the connection security, or switch SMTP authentication off if the server does not need it.</source>
        <translation>Prüfen Sie SMTP-Port und sichere Verbindung, oder schalten Sie die SMTP-Anmeldung ab, wenn der Server sie nicht braucht.</translation>
    </message>
    <message>
        <source>The SMTP server does not accept OAuth 2.0 sign-in</source>
        <translation>Der SMTP-Server nimmt keine Anmeldung mit OAuth 2.0 an</translation>
    </message>
    <message>
        <source>The SMTP server accepts no password sign-in Kurier knows</source>
        <translation>Der SMTP-Server bietet keine Kennwort-Anmeldung an, die Kurier beherrscht</translation>
    </message>
    <message>
        <source>The server offers: %1.</source>
        <translation>Der Server bietet an: %1.</translation>
    </message>
    <message>
        <source>Switch OAuth 2.0 off for this account, or use a server that supports XOAUTH2 or OAUTHBEARER.</source>
        <translation>Schalten Sie OAuth 2.0 für dieses Benutzerkonto ab, oder verwenden Sie einen Server, der XOAUTH2 oder OAUTHBEARER unterstützt.</translation>
    </message>
    <message>
        <source>Switch OAuth 2.0 on if the provider supports it.</source>
        <translation>Schalten Sie OAuth 2.0 ein, wenn der Anbieter es unterstützt.</translation>
    </message>
    <message>
        <source>The SMTP server closed the connection</source>
        <translation>Der SMTP-Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>The SMTP server sent something Kurier does not understand</source>
        <translation>Der SMTP-Server hat etwas gesendet, das Kurier nicht versteht</translation>
    </message>
    <message>
        <source>Check that the port belongs to an SMTP server. Kurier tries again later.</source>
        <translation>Prüfen Sie, ob der Port zu einem SMTP-Server gehört. Kurier versucht es später erneut.</translation>
    </message>
</context>
<context>
    <name>SslErrorText</name>
    <message>
        <source>The issuer certificate could not be found</source>
        <translation>Das Zertifikat der ausstellenden Stelle wurde nicht gefunden</translation>
    </message>
    <message>
        <source>The certificate signature could not be decrypted</source>
        <translation>Die Signatur des Zertifikats ließ sich nicht entschlüsseln</translation>
    </message>
    <message>
        <source>The public key in the certificate could not be read</source>
        <translation>Der öffentliche Schlüssel im Zertifikat ist nicht lesbar</translation>
    </message>
    <message>
        <source>The signature of the certificate is invalid</source>
        <translation>Die Signatur des Zertifikats ist ungültig</translation>
    </message>
    <message>
        <source>The certificate is not yet valid</source>
        <translation>Das Zertifikat ist noch nicht gültig</translation>
    </message>
    <message>
        <source>The certificate has expired</source>
        <translation>Das Zertifikat ist abgelaufen</translation>
    </message>
    <message>
        <source>The certificate&apos;s notBefore field contains an invalid time</source>
        <translation>Das Feld „notBefore“ des Zertifikats enthält eine ungültige Zeit</translation>
    </message>
    <message>
        <source>The certificate&apos;s notAfter field contains an invalid time</source>
        <translation>Das Feld „notAfter“ des Zertifikats enthält eine ungültige Zeit</translation>
    </message>
    <message>
        <source>The certificate is self-signed, and untrusted</source>
        <translation>Das Zertifikat ist selbst signiert und nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The root certificate of the certificate chain is self-signed, and untrusted</source>
        <translation>Das Wurzelzertifikat der Kette ist selbst signiert und nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The issuer certificate of a locally looked up certificate could not be found</source>
        <translation>Das Zertifikat wurde von einer unbekannten Zertifizierungsstelle ausgestellt (ihr Zertifikat ist auf diesem System nicht vorhanden)</translation>
    </message>
    <message>
        <source>No certificates could be verified</source>
        <translation>Kein Zertifikat der Kette ließ sich prüfen</translation>
    </message>
    <message>
        <source>One of the CA certificates is invalid</source>
        <translation>Eines der CA-Zertifikate ist ungültig</translation>
    </message>
    <message>
        <source>The basicConstraints path length parameter has been exceeded</source>
        <translation>Die in „basicConstraints“ erlaubte Kettenlänge ist überschritten</translation>
    </message>
    <message>
        <source>The supplied certificate is unsuitable for this purpose</source>
        <translation>Das Zertifikat ist für diesen Zweck nicht geeignet</translation>
    </message>
    <message>
        <source>The root CA certificate is not trusted for this purpose</source>
        <translation>Dem Wurzelzertifikat wird für diesen Zweck nicht vertraut</translation>
    </message>
    <message>
        <source>The root CA certificate is marked to reject the specified purpose</source>
        <translation>Das Wurzelzertifikat ist für diesen Zweck ausdrücklich gesperrt</translation>
    </message>
    <message>
        <source>The peer did not present any certificate</source>
        <translation>Die Gegenstelle hat kein Zertifikat vorgelegt</translation>
    </message>
    <message>
        <source>The host name did not match any of the valid hosts for this certificate</source>
        <translation>Das Zertifikat gilt nicht für diesen Servernamen</translation>
    </message>
    <message>
        <source>The peer certificate is blacklisted</source>
        <translation>Das Zertifikat der Gegenstelle steht auf der Sperrliste</translation>
    </message>
    <message>
        <source>The certificate&apos;s status is unknown</source>
        <translation>Der Status des Zertifikats ist unbekannt</translation>
    </message>
    <message>
        <source>The certificate status response has expired</source>
        <translation>Die Statusauskunft (OCSP) zum Zertifikat ist abgelaufen</translation>
    </message>
</context>
<context>
    <name>StatusIcon</name>
    <message>
        <source>Passed</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>TransportDiagnostic</name>
    <message>
        <source>The %1 server %2 was not found.</source>
        <translation>Der %1-Server %2 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The host name is misspelt, or there is no network or name service.</source>
        <translation>Der Servername ist falsch geschrieben, oder es gibt kein Netzwerk bzw. keine Namensauflösung.</translation>
    </message>
    <message>
        <source>Check the %1 server name in the account and the network connection.</source>
        <translation>Prüfen Sie den Namen des %1-Servers im Benutzerkonto und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>%1 refused the connection.</source>
        <translation>%1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>Nothing accepts connections on this port: a wrong port, or the service is down.</source>
        <translation>Auf diesem Port nimmt nichts Verbindungen an: ein falscher Port, oder der Dienst läuft nicht.</translation>
    </message>
    <message>
        <source>Check the %1 port and the connection security (SSL/TLS is usually port %2, STARTTLS port %3); a firewall may also block it.</source>
        <translation>Prüfen Sie den %1-Port und die sichere Verbindung (SSL/TLS ist meist Port %2, STARTTLS Port %3); auch eine Firewall kann ihn sperren.</translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation>Die Verbindung zu %1 hat das Zeitlimit überschritten.</translation>
    </message>
    <message>
        <source>The server did not answer in time: a firewall, a wrong port or an overloaded server.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet: eine Firewall, ein falscher Port oder ein überlasteter Server.</translation>
    </message>
    <message>
        <source>Check the port and the network; try again later.</source>
        <translation>Prüfen Sie Port und Netzwerk; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>The certificate of the %1 server %2 was not accepted.</source>
        <translation>Das Zertifikat des %1-Servers %2 wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>%1
Certificate: %2, issued by %3, valid %4 to %5, SHA-256 %6</source>
        <translation>%1
Zertifikat: %2, ausgestellt von %3, gültig von %4 bis %5, SHA-256 %6</translation>
    </message>
    <message>
        <source>Check the server name. If your provider uses its own certificate authority, add its CA file to the account. Trust this exact certificate for the account only if you can confirm its fingerprint with the provider.</source>
        <translation>Prüfen Sie den Servernamen. Verwendet Ihr Anbieter eine eigene Zertifizierungsstelle, fügen Sie deren CA-Datei zum Benutzerkonto hinzu. Vertrauen Sie genau diesem Zertifikat für das Benutzerkonto nur, wenn Sie seinen Fingerabdruck beim Anbieter bestätigen können.</translation>
    </message>
    <message>
        <source>No secure connection to %1 could be negotiated.</source>
        <translation>Mit %1 konnte keine sichere Verbindung ausgehandelt werden.</translation>
    </message>
    <message>
        <source>The server speaks no TLS on this port, or only versions older than TLS 1.2.</source>
        <translation>Der Server spricht auf diesem Port kein TLS oder nur Versionen älter als TLS 1.2.</translation>
    </message>
    <message>
        <source>Check the connection security (SSL/TLS is usually port %1, STARTTLS port %2) and ask the provider about TLS 1.2.</source>
        <translation>Prüfen Sie die sichere Verbindung (SSL/TLS ist meist Port %1, STARTTLS Port %2) und fragen Sie den Anbieter nach TLS 1.2.</translation>
    </message>
    <message>
        <source>The %1 server %2 closed the connection.</source>
        <translation>Der %1-Server %2 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The server or the network ended the connection unexpectedly.</source>
        <translation>Der Server oder das Netzwerk hat die Verbindung unerwartet beendet.</translation>
    </message>
    <message>
        <source>Try again later.</source>
        <translation>Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Could not connect to the %1 server %2.</source>
        <translation>Keine Verbindung zum %1-Server %2 möglich.</translation>
    </message>
    <message>
        <source>The connection to the %1 server %2 was lost.</source>
        <translation>Die Verbindung zum %1-Server %2 ist abgebrochen.</translation>
    </message>
    <message>
        <source>A network error.</source>
        <translation>Ein Netzwerkfehler.</translation>
    </message>
    <message>
        <source>Check the network connection and try again.</source>
        <translation>Prüfen Sie die Netzwerkverbindung und versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>UidlState</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Kurier UIDL file.</source>
        <translation>%1 ist keine UIDL-Datei von Kurier.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>kurier::check::ConnectionTest</name>
    <message>
        <source>Name resolution of the POP3 server %1</source>
        <translation>Namensauflösung des POP3-Servers %1</translation>
    </message>
    <message>
        <source>Name resolution of the SMTP server %1</source>
        <translation>Namensauflösung des SMTP-Servers %1</translation>
    </message>
    <message>
        <source>Connection to %1, port %2 (POP3)</source>
        <translation>Verbindung zu %1, Port %2 (POP3)</translation>
    </message>
    <message>
        <source>Encryption and certificate (POP3)</source>
        <translation>Verschlüsselung und Zertifikat (POP3)</translation>
    </message>
    <message>
        <source>What the POP3 server offers</source>
        <translation>Was der POP3-Server anbietet</translation>
    </message>
    <message>
        <source>Token request (OAuth 2.0)</source>
        <translation>Token-Anforderung (OAuth 2.0)</translation>
    </message>
    <message>
        <source>Token contents: audience, scopes, tenant, expiry</source>
        <translation>Token-Inhalt: Zielgruppe, Scopes, Mandant, Ablauf</translation>
    </message>
    <message>
        <source>POP3 sign-in as %1</source>
        <translation>POP3-Anmeldung als %1</translation>
    </message>
    <message>
        <source>Connection to %1, port %2 (SMTP)</source>
        <translation>Verbindung zu %1, Port %2 (SMTP)</translation>
    </message>
    <message>
        <source>Encryption and certificate (SMTP)</source>
        <translation>Verschlüsselung und Zertifikat (SMTP)</translation>
    </message>
    <message>
        <source>What the SMTP server offers</source>
        <translation>Was der SMTP-Server anbietet</translation>
    </message>
    <message>
        <source>SMTP sign-in as %1</source>
        <translation>SMTP-Anmeldung als %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>No POP3 server is set</source>
        <translation>Kein POP3-Server eingetragen</translation>
    </message>
    <message>
        <source>No SMTP server is set</source>
        <translation>Kein SMTP-Server eingetragen</translation>
    </message>
    <message>
        <source>Enter the server name in the account settings.</source>
        <translation>Tragen Sie den Servernamen im Benutzerkonto ein.</translation>
    </message>
    <message>
        <source>The name %1 cannot be resolved</source>
        <translation>Der Name %1 lässt sich nicht auflösen</translation>
    </message>
    <message>
        <source>The name is misspelt, it does not exist, or this computer has no network or name service.</source>
        <translation>Der Name ist falsch geschrieben oder existiert nicht, oder dieser Computer hat kein Netz oder keinen Namensdienst.</translation>
    </message>
    <message>
        <source>Check the POP3 server name in the account (e.g. outlook.office365.com) and the network connection.</source>
        <translation>Prüfen Sie den POP3-Servernamen im Benutzerkonto (z. B. outlook.office365.com) und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>Check the SMTP server name in the account (e.g. smtp.office365.com) and the network connection.</source>
        <translation>Prüfen Sie den SMTP-Servernamen im Benutzerkonto (z. B. smtp.office365.com) und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The account&apos;s CA file cannot be used</source>
        <translation>Die CA-Datei des Benutzerkontos ist nicht verwendbar</translation>
    </message>
    <message>
        <source>Choose a PEM file with the certificate authority in the account settings, or clear the field.</source>
        <translation>Wählen Sie im Benutzerkonto eine PEM-Datei mit der Zertifizierungsstelle, oder leeren Sie das Feld.</translation>
    </message>
    <message>
        <source>Not tried: the TLS settings are unusable.</source>
        <translation>Nicht versucht: Die TLS-Einstellungen sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>%1; certificate valid for %2</source>
        <translation>%1; Zertifikat gültig für %2</translation>
    </message>
    <message>
        <source>Not tried after the earlier failure.</source>
        <translation>Nach dem vorherigen Fehler nicht versucht.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Not encrypted: the account allows an unencrypted connection. Anyone on the network can read the password and the mail.</source>
        <translation>Nicht verschlüsselt: Das Benutzerkonto erlaubt eine unverschlüsselte Verbindung. Jeder im Netz kann Kennwort und eMails mitlesen.</translation>
    </message>
    <message>
        <source>STARTTLS: %1</source>
        <translation>STARTTLS: %1</translation>
    </message>
    <message>
        <source>Not tried: the server offers no suitable sign-in.</source>
        <translation>Nicht versucht: Der Server bietet keine passende Anmeldung an.</translation>
    </message>
    <message>
        <source>No POP3 password was entered</source>
        <translation>Es wurde kein POP3-Kennwort eingegeben</translation>
    </message>
    <message>
        <source>Enter the password in the account settings.</source>
        <translation>Geben Sie das Kennwort im Benutzerkonto ein.</translation>
    </message>
    <message>
        <source>Signed in with %1; nothing was fetched or deleted</source>
        <translation>Angemeldet mit %1; nichts wurde abgerufen oder gelöscht</translation>
    </message>
    <message>
        <source>Not needed: the account sends without signing in.</source>
        <translation>Nicht nötig: Das Benutzerkonto sendet ohne Anmeldung.</translation>
    </message>
    <message>
        <source>No SMTP password was entered</source>
        <translation>Es wurde kein SMTP-Kennwort eingegeben</translation>
    </message>
    <message>
        <source>Signed in with %1; nothing was sent</source>
        <translation>Angemeldet mit %1; nichts wurde gesendet</translation>
    </message>
    <message>
        <source>Not tried: no token.</source>
        <translation>Nicht versucht: kein Token.</translation>
    </message>
    <message>
        <source>No token was issued</source>
        <translation>Es wurde kein Token ausgestellt</translation>
    </message>
    <message>
        <source>Access token received from %1</source>
        <translation>Zugriffstoken von %1 erhalten</translation>
    </message>
    <message>
        <source>Access token received from %1, valid until %2</source>
        <translation>Zugriffstoken von %1 erhalten, gültig bis %2</translation>
    </message>
    <message>
        <source>%1 is an IP address: nothing to resolve</source>
        <translation>%1 ist eine IP-Adresse: nichts aufzulösen</translation>
    </message>
</context>
<context>
    <name>kurier::discovery::ConfigFetch</name>
    <message>
        <source>%1 redirects to %2, which is not part of %3; the redirect was not followed.</source>
        <translation>%1 leitet auf %2 weiter, das nicht zu %3 gehört; der Weiterleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>%1 sends more than %2 KB; autoconfig files are a few KB.</source>
        <translation>%1 sendet mehr als %2 KB; Autoconfig-Dateien sind wenige KB groß.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 answers HTTP %2.</source>
        <translation>%1 antwortet mit HTTP %2.</translation>
    </message>
    <message>
        <source>%1 is not a usable mail configuration: %2</source>
        <translation>%1 ist keine verwendbare E-Mail-Konfiguration: %2</translation>
    </message>
</context>
<context>
    <name>kurier::discovery::Discovery</name>
    <message>
        <source>Local file</source>
        <translation>Lokale Datei</translation>
    </message>
    <message>
        <source>Provider&apos;s autoconfig</source>
        <translation>Autoconfig des Anbieters</translation>
    </message>
    <message>
        <source>ISPDB</source>
        <translation>ISPDB</translation>
    </message>
    <message>
        <source>MX record and ISPDB</source>
        <translation>MX-Eintrag und ISPDB</translation>
    </message>
    <message>
        <source>DNS SRV</source>
        <translation>DNS SRV</translation>
    </message>
    <message>
        <source>Probing</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gefunden</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>nichts gefunden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>%1 is not an e-mail address.</source>
        <translation>%1 ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>no file for %1</source>
        <translation>keine Datei für %1</translation>
    </message>
    <message>
        <source>no MX record</source>
        <translation>kein MX-Eintrag</translation>
    </message>
    <message>
        <source>MX %1 is the domain&apos;s own</source>
        <translation>MX %1 gehört zur Domain selbst</translation>
    </message>
    <message>
        <source>MX %1 → %2</source>
        <translation>MX %1 → %2</translation>
    </message>
    <message>
        <source>no SRV records</source>
        <translation>keine SRV-Einträge</translation>
    </message>
    <message>
        <source>(servers outside %1: %2)</source>
        <translation>(Server außerhalb von %1: %2)</translation>
    </message>
    <message>
        <source>no server answered at pop3., pop., mail., smtp. or %1 itself</source>
        <translation>kein Server antwortete unter pop3., pop., mail., smtp. oder %1 selbst</translation>
    </message>
</context>
<context>
    <name>kurier::discovery::IspdbLookup</name>
    <message>
        <source>%1 is not a domain.</source>
        <translation>%1 ist keine Domain.</translation>
    </message>
</context>
<context>
    <name>kurier::discovery::OAuthMetadataLookup</name>
    <message>
        <source>%1 is not an https issuer URL.</source>
        <translation>%1 ist keine https-URL eines Ausstellers.</translation>
    </message>
    <message>
        <source>%1 answers HTTP %2.</source>
        <translation>%1 antwortet mit HTTP %2.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>kurier::net::SslTransport</name>
    <message>
        <source>The TLS handshake with %1 did not finish within %2 s.</source>
        <translation>Der TLS-Handshake mit %1 wurde nicht innerhalb von %2 s abgeschlossen.</translation>
    </message>
    <message>
        <source>No connection to %1 within %2 s.</source>
        <translation>Keine Verbindung zu %1 innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>The connection to %1 was idle for %2 s.</source>
        <translation>Die Verbindung zu %1 war %2 s lang untätig.</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The CA file %1 contains no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate could not be verified.</source>
        <translation>Das Zertifikat konnte nicht überprüft werden.</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The certificate of %1 was not accepted: %2</source>
        <translation>Das Zertifikat von %1 wurde nicht akzeptiert: %2</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS handshake.</source>
        <translation>%1 hat die Verbindung während des TLS-Handshakes geschlossen.</translation>
    </message>
    <message>
        <source>The certificate&apos;s %1 key has only %2 bits; at least %3 are required.</source>
        <translation>Der %1-Schlüssel des Zertifikats hat nur %2 Bit; mindestens %3 sind nötig.</translation>
    </message>
</context>
<context>
    <name>kurier::oauth::BrowserFlow</name>
    <message>
        <source>The sign-in in the browser was not completed within %1 minutes.</source>
        <translation>Die Anmeldung im Browser wurde nicht innerhalb von %1 Minuten abgeschlossen.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the browser&apos;s answer.</source>
        <translation>Kurier kann auf 127.0.0.1 nicht auf die Antwort des Browsers warten.</translation>
    </message>
    <message>
        <source>Kurier has received the sign-in. You can close this page.</source>
        <translation>Kurier hat die Anmeldung erhalten. Sie können diese Seite schließen.</translation>
    </message>
</context>
<context>
    <name>kurier::oauth::DeviceCodeFlow</name>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>kurier::oauth::SignInMethod</name>
    <message>
        <source>User name and password</source>
        <translation>Benutzername und Kennwort</translation>
    </message>
    <message>
        <source>Sign in with the web browser</source>
        <translation>Anmeldung im Webbrowser</translation>
    </message>
    <message>
        <source>Sign in with a device code</source>
        <translation>Anmeldung mit Gerätecode</translation>
    </message>
    <message>
        <source>App-only (client credentials)</source>
        <translation>Nur App (Client-Anmeldedaten)</translation>
    </message>
</context>
<context>
    <name>kurier::oauth::TokenClient</name>
    <message>
        <source>The answer was larger than %1 bytes and was discarded.</source>
        <translation>Die Antwort war größer als %1 Byte und wurde verworfen.</translation>
    </message>
    <message>
        <source>No answer within %1 seconds.</source>
        <translation>Keine Antwort innerhalb von %1 Sekunden.</translation>
    </message>
</context>
<context>
    <name>kurier::oauth::TokenProvider</name>
    <message>
        <source>No password is available for %1.</source>
        <translation>Für %1 ist kein Kennwort vorhanden.</translation>
    </message>
    <message>
        <source>This account asks for the password each time, and none was entered.</source>
        <translation>Dieses Benutzerkonto fragt jedes Mal nach dem Kennwort, und es wurde keines eingegeben.</translation>
    </message>
    <message>
        <source>The password is not in the keychain, or the keychain cannot be reached.</source>
        <translation>Das Kennwort ist nicht im Schlüsselbund, oder der Schlüsselbund ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Enter the password in the account settings.</source>
        <translation>Geben Sie das Kennwort in den Einstellungen des Benutzerkontos ein.</translation>
    </message>
</context>
<context>
    <name>kurier::smtp::OutboxSender</name>
    <message>
        <source>The Outbox is busy</source>
        <translation>Der Postausgang ist belegt</translation>
    </message>
    <message>
        <source>Kurier sends the messages when the other process is done.</source>
        <translation>Kurier sendet die Nachrichten, sobald der andere Prozess fertig ist.</translation>
    </message>
</context>
<context>
    <name>kurier::smtp::SmtpSession</name>
    <message>
        <source>The SMTP connection is closed</source>
        <translation>Die SMTP-Verbindung ist geschlossen</translation>
    </message>
    <message>
        <source>The message has no recipients</source>
        <translation>Die Nachricht hat keine Empfänger</translation>
    </message>
    <message>
        <source>Add at least one recipient.</source>
        <translation>Fügen Sie mindestens einen Empfänger hinzu.</translation>
    </message>
    <message>
        <source>Invalid address &quot;%1&quot;</source>
        <translation>Ungültige Adresse „%1“</translation>
    </message>
    <message>
        <source>An address needs a local part, &quot;@&quot; and a domain, without spaces or angle brackets.</source>
        <translation>Eine Adresse braucht einen lokalen Teil, „@“ und eine Domain, ohne Leerzeichen oder spitze Klammern.</translation>
    </message>
    <message>
        <source>Correct the address.</source>
        <translation>Korrigieren Sie die Adresse.</translation>
    </message>
    <message>
        <source>The server cannot send to internationalised addresses</source>
        <translation>Der Server kann nicht an internationalisierte Adressen senden</translation>
    </message>
    <message>
        <source>An address contains non-ASCII characters, and %1 does not support SMTPUTF8 (RFC 6531).</source>
        <translation>Eine Adresse enthält Zeichen außerhalb von ASCII, und %1 unterstützt kein SMTPUTF8 (RFC 6531).</translation>
    </message>
    <message>
        <source>Use the ASCII form of the address if the recipient has one.</source>
        <translation>Verwenden Sie die ASCII-Form der Adresse, falls der Empfänger eine hat.</translation>
    </message>
    <message>
        <source>The message is too large for the server</source>
        <translation>Die Nachricht ist für den Server zu groß</translation>
    </message>
    <message>
        <source>The message has %1 KB; %2 accepts at most %3 KB.</source>
        <translation>Die Nachricht hat %1 KB; %2 nimmt höchstens %3 KB an.</translation>
    </message>
    <message>
        <source>Remove or shrink attachments, or share large files by link.</source>
        <translation>Entfernen oder verkleinern Sie Anhänge, oder teilen Sie große Dateien per Link.</translation>
    </message>
    <message>
        <source>Unknown whether the message was sent</source>
        <translation>Unbekannt, ob die Nachricht gesendet wurde</translation>
    </message>
    <message>
        <source>The connection ended after the message was transmitted and before the server confirmed it (%1).</source>
        <translation>Die Verbindung endete, nachdem die Nachricht übertragen war und bevor der Server sie bestätigt hat (%1).</translation>
    </message>
    <message>
        <source>The SMTP connection was closed before the message was sent</source>
        <translation>Die SMTP-Verbindung wurde geschlossen, bevor die Nachricht gesendet war</translation>
    </message>
    <message>
        <source>Ask the recipients whether it arrived; send it again only if it did not.</source>
        <translation>Fragen Sie die Empfänger, ob sie angekommen ist; senden Sie sie nur erneut, wenn nicht.</translation>
    </message>
    <message>
        <source>The server cannot take this message&apos;s 8-bit text</source>
        <translation>Der Server kann den 8-Bit-Text dieser Nachricht nicht annehmen</translation>
    </message>
    <message>
        <source>The message contains bytes outside ASCII without a transfer encoding, and %1 does not support 8BITMIME.</source>
        <translation>Die Nachricht enthält Bytes außerhalb von ASCII ohne Transferkodierung, und %1 unterstützt kein 8BITMIME.</translation>
    </message>
    <message>
        <source>Compose the message with Kurier (it encodes such text), or encode it as quoted-printable or base64.</source>
        <translation>Verfassen Sie die Nachricht mit Kurier (es kodiert solchen Text), oder kodieren Sie sie als Quoted-Printable oder Base64.</translation>
    </message>
</context>
<context>
    <name>kurier::smtp::Submission</name>
    <message>
        <source>The SMTP password could not be read from the keychain</source>
        <translation>Das SMTP-Kennwort konnte nicht aus dem Schlüsselbund gelesen werden</translation>
    </message>
    <message>
        <source>Enter the password in the account settings.</source>
        <translation>Geben Sie das Kennwort in den Einstellungen des Benutzerkontos ein.</translation>
    </message>
    <message>
        <source>Unlock the keychain and try again.</source>
        <translation>Entsperren Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The account&apos;s CA file cannot be used</source>
        <translation>Die CA-Datei des Benutzerkontos ist nicht verwendbar</translation>
    </message>
    <message>
        <source>Choose a PEM file with the certificate authority in the account settings.</source>
        <translation>Wählen Sie in den Einstellungen des Benutzerkontos eine PEM-Datei mit der Zertifizierungsstelle.</translation>
    </message>
</context>
<context>
    <name>kurier::store::Security</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>kurier::ui::AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Neues Benutzerkonto</translation>
    </message>
    <message>
        <source>Edit account %1</source>
        <translation>Benutzerkonto %1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Vorlage</translation>
    </message>
    <message>
        <source>Fill in the server and OAuth 2.0 settings of a known provider.</source>
        <translation>Trägt die Server- und OAuth-2.0-Einstellungen eines bekannten Anbieters ein.</translation>
    </message>
    <message>
        <source>Microsoft 365 / Outlook…</source>
        <translation>Microsoft 365 / Outlook…</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Ask for the password each time</source>
        <translation>Kennwort jedes Mal abfragen</translation>
    </message>
    <message>
        <source>Save the account without passwords; Kurier asks for them when it connects. Nothing secret is written to a file.</source>
        <translation>Speichert das Benutzerkonto ohne Kennwörter; Kurier fragt beim Verbinden danach. Nichts Geheimes wird in eine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Benutzerkonto bearbeiten</translation>
    </message>
    <message>
        <source>e.g. INFO (up to 10 letters)</source>
        <translation>z. B. INFO (bis zu 10 Zeichen)</translation>
    </message>
    <message>
        <source>A short, unique name for the account: 1 to 10 letters, digits, - or _.</source>
        <translation>Ein kurzer, eindeutiger Name für das Benutzerkonto: 1 bis 10 Buchstaben, Ziffern, - oder _.</translation>
    </message>
    <message>
        <source>&amp;Prefix</source>
        <translation>&amp;Präfix</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;Email address</source>
        <translation>&amp;eMail-Adresse</translation>
    </message>
    <message>
        <source>Shown to recipients, e.g. Erika Mustermann</source>
        <translation>Für Empfänger sichtbar, z. B. Erika Mustermann</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Use this account by default</source>
        <translation>Dieses Konto standardmäßig verwenden</translation>
    </message>
    <message>
        <source>Defa&amp;ult</source>
        <translation>S&amp;tandard</translation>
    </message>
    <message>
        <source>POP server configuration</source>
        <translation>POP Server Konfiguration</translation>
    </message>
    <message>
        <source>e.g. pop.example.com</source>
        <translation>z. B. pop.beispiel.de</translation>
    </message>
    <message>
        <source>POP3 serve&amp;r</source>
        <translation>POP3 Se&amp;rver</translation>
    </message>
    <message>
        <source>POP3 port (default: %1)</source>
        <translation>POP3 Port (Standard: %1)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzerkonto</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Enable &amp;OAuth 2.0</source>
        <translation>&amp;OAuth 2.0 aktivieren</translation>
    </message>
    <message>
        <source>Needed for Microsoft 365, Outlook and Gmail: Kurier signs in with a token from the provider instead of sending the password to the mail server.</source>
        <translation>Nötig für Microsoft 365, Outlook und Gmail: Kurier meldet sich mit einem Token des Anbieters an, statt das Kennwort an den Mailserver zu senden.</translation>
    </message>
    <message>
        <source>https://login.microsoftonline.com/{tenant ID}/oauth2/v2.0/token</source>
        <translation>https://login.microsoftonline.com/{Mandanten-ID}/oauth2/v2.0/token</translation>
    </message>
    <message>
        <source>The provider&apos;s token endpoint. Microsoft: replace {tenant ID} with the ID from Microsoft Entra ID → Overview.</source>
        <translation>Der Token-Endpunkt des Anbieters. Microsoft: Ersetzen Sie {Mandanten-ID} durch die ID aus Microsoft Entra ID → Übersicht.</translation>
    </message>
    <message>
        <source>OAuth 2.0 endpoint URL</source>
        <translation>OAuth 2.0 Endpunkt-URL</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>Anwendungs-ID (Client)</translation>
    </message>
    <message>
        <source>Microsoft Entra ID → App registrations → your app → Overview → Application (client) ID.</source>
        <translation>Microsoft Entra ID → App-Registrierungen → Ihre App → Übersicht → Anwendungs-ID (Client).</translation>
    </message>
    <message>
        <source>OAuth 2.0 client ID</source>
        <translation>OAuth 2.0 Client-ID</translation>
    </message>
    <message>
        <source>Only for confidential clients: the &quot;Value&quot; of a client secret under Certificates &amp; secrets (not its ID). Leave empty for a public client.</source>
        <translation>Nur für private (vertrauliche) Clients: der „Wert“ eines geheimen Clientschlüssels unter „Zertifikate &amp; Geheimnisse“ (nicht seine ID). Bei einem öffentlichen Client leer lassen.</translation>
    </message>
    <message>
        <source>OAuth 2.0 client secret</source>
        <translation>OAuth 2.0 Client Secret</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Client secret valid until</source>
        <translation>Client Secret gültig bis</translation>
    </message>
    <message>
        <source>OAuth 2.0 scope</source>
        <translation>OAuth 2.0 Scope</translation>
    </message>
    <message>
        <source>User name and password fails when multi-factor authentication or Security Defaults apply; sign-in with the browser or a device code works then.</source>
        <translation>Benutzername und Kennwort scheitern, wenn mehrstufige Authentifizierung oder die Sicherheitsstandards gelten; die Anmeldung im Webbrowser oder mit Gerätecode funktioniert dann.</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>https://…/authorize</source>
        <translation>https://…/authorize</translation>
    </message>
    <message>
        <source>Sign-in endpoint URL</source>
        <translation>Anmelde-Endpunkt-URL</translation>
    </message>
    <message>
        <source>Secure connection</source>
        <translation>Sichere Verbindung</translation>
    </message>
    <message>
        <source>Connect without encryption anyway</source>
        <translation>Trotzdem unverschlüsselt verbinden</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Delete after</source>
        <translation>Löschen nach</translation>
    </message>
    <message>
        <source>Delete after download</source>
        <translation>Nach dem Abrufen löschen</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Messages on the server</source>
        <translation>Nachrichten auf dem Server</translation>
    </message>
    <message>
        <source>SMTP server configuration</source>
        <translation>SMTP Server Konfiguration</translation>
    </message>
    <message>
        <source>e.g. smtp.example.com</source>
        <translation>z. B. smtp.beispiel.de</translation>
    </message>
    <message>
        <source>S&amp;MTP server</source>
        <translation>S&amp;MTP Server</translation>
    </message>
    <message>
        <source>SMTP port (default: %1)</source>
        <translation>SMTP Port (Standard: %1)</translation>
    </message>
    <message>
        <source>Same as for POP3</source>
        <translation>Wie bei POP3</translation>
    </message>
    <message>
        <source>Own user name and password</source>
        <translation>Eigenes Benutzerkonto und Kennwort</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>SMTP user name</source>
        <translation>SMTP-Benutzerkonto</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>SMTP-Kennwort</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>PEM file, e.g. for a company CA</source>
        <translation>PEM-Datei, z. B. für eine Firmen-CA</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Extra trusted CA certificate</source>
        <translation>Zusätzliches CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Ask for passwords each time instead of storing them</source>
        <translation>Kennwörter jedes Mal &amp;abfragen statt sie zu speichern</translation>
    </message>
    <message>
        <source>For computers without a keychain: nothing secret is stored, Kurier asks when it connects.</source>
        <translation>Für Computer ohne Schlüsselbund: Nichts Geheimes wird gespeichert, Kurier fragt beim Verbinden.</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Kennwörter</translation>
    </message>
    <message>
        <source>The first account is always the default account.</source>
        <translation>Das erste Benutzerkonto ist immer das Standardkonto.</translation>
    </message>
    <message>
        <source>stored – leave empty to keep it</source>
        <translation>gespeichert – leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>asked for when needed</source>
        <translation>wird bei Bedarf abgefragt</translation>
    </message>
    <message>
        <source>not needed for this sign-in method</source>
        <translation>für dieses Anmeldeverfahren nicht nötig</translation>
    </message>
    <message>
        <source>empty for a public client</source>
        <translation>leer bei einem öffentlichen Client</translation>
    </message>
    <message>
        <source>the email address</source>
        <translation>die eMail-Adresse</translation>
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation>Das Benutzerkonto konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Optional: when the client secret expires (Entra ID: after 24 months at most), so that you can renew it in time.</source>
        <translation>Optional: wann das Client Secret abläuft (Entra ID: nach höchstens 24 Monaten), damit Sie es rechtzeitig erneuern können.</translation>
    </message>
    <message>
        <source>Test &amp;connection…</source>
        <translation>Verbin&amp;dung testen…</translation>
    </message>
    <message>
        <source>Test the values in this form step by step, before saving</source>
        <translation>Die Werte dieses Formulars Schritt für Schritt testen, noch vor dem Speichern</translation>
    </message>
    <message>
        <source>Delete on the server when deleted in Kurier</source>
        <translation>Auf dem Server löschen, wenn in Kurier gelöscht</translation>
    </message>
    <message>
        <source>A message you delete (move to the Trash) is deleted on the server at the next fetch.</source>
        <translation>Eine Nachricht, die Sie löschen (in den Papierkorb verschieben), wird beim nächsten Abrufen auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>nur auf Anforderung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>While Kurier is open it fetches this account&apos;s mail every so many minutes; 0: only on Fetch Mail.</source>
        <translation>Solange Kurier geöffnet ist, ruft es die eMails dieses Benutzerkontos alle so viele Minuten ab; 0: nur bei „Abrufen“.</translation>
    </message>
    <message>
        <source>Fetch automatically every</source>
        <translation>Automatisch abrufen alle</translation>
    </message>
    <message>
        <source>Put under every new message, reply and forward, e.g.
Erika Mustermann · Vertrieb
Tel. +49 421 123456</source>
        <translation>Steht unter jeder neuen Nachricht, Antwort und Weiterleitung, z. B.
Erika Mustermann · Vertrieb
Tel. +49 421 123456</translation>
    </message>
    <message>
        <source>Si&amp;gnature</source>
        <translation>Si&amp;gnatur</translation>
    </message>
</context>
<context>
    <name>kurier::ui::AccountListWidget</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Set as de&amp;fault</source>
        <translation>Als &amp;Standard festlegen</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>eMail-Adresse</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Default account</source>
        <translation>Standardkonto</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Benutzerkonto löschen</translation>
    </message>
    <message>
        <source>Delete the account %1 (%2)?</source>
        <translation>Das Benutzerkonto %1 (%2) löschen?</translation>
    </message>
    <message>
        <source>Its settings and stored passwords are removed. Mail already downloaded stays.</source>
        <translation>Seine Einstellungen und gespeicherten Kennwörter werden entfernt. Bereits abgerufene Mails bleiben erhalten.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>S&amp;ign in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Get an OAuth 2.0 token now, so that fetching and sending need no sign-in</source>
        <translation>Jetzt ein OAuth-2.0-Token holen, damit Abrufen und Senden ohne Anmeldung gehen</translation>
    </message>
    <message>
        <source>Test &amp;connection…</source>
        <translation>Verbindung &amp;testen…</translation>
    </message>
    <message>
        <source>Check name resolution, connection, encryption, sign-in and token step by step</source>
        <translation>Namensauflösung, Verbindung, Verschlüsselung, Anmeldung und Token Schritt für Schritt prüfen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::ActivityStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Fetching cancelled.</source>
        <translation>Abrufen abgebrochen.</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages, %4 of %5 MB</source>
        <translation>%1: %2 von %3 Nachrichten, %4 von %5 MB</translation>
    </message>
    <message>
        <source>%1: sending…</source>
        <translation>%1: wird gesendet…</translation>
    </message>
    <message>
        <source>The certificate could not be saved with the account: %1</source>
        <translation>Das Zertifikat konnte nicht im Benutzerkonto gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1: please sign in in the browser window that has opened. Kurier continues when you are done.</source>
        <translation>%1: Bitte melden Sie sich im geöffneten Browserfenster an. Kurier macht danach weiter.</translation>
    </message>
    <message>
        <source>%1: to sign in, open %2 and enter the code %3</source>
        <translation>%1: Zum Anmelden %2 öffnen und den Code %3 eingeben</translation>
    </message>
    <message>
        <source>%1: the automatic fetch needs you to sign in. Choose Sign In… in the account&apos;s menu, then Fetch Mail.</source>
        <translation>%1: Für das automatische Abrufen müssen Sie sich anmelden. Wählen Sie „Anmelden…“ im Menü des Benutzerkontos, dann „Abrufen“.</translation>
    </message>
    <message>
        <source>%1: no new messages</source>
        <translation>%1: keine neuen Nachrichten</translation>
    </message>
    <message>
        <source>%1: 1 new message</source>
        <translation>%1: 1 neue Nachricht</translation>
    </message>
    <message>
        <source>%1: %2 new messages</source>
        <translation>%1: %2 neue Nachrichten</translation>
    </message>
    <message>
        <source>%1: 1 message sent</source>
        <translation>%1: 1 Nachricht gesendet</translation>
    </message>
    <message>
        <source>%1: %2 messages sent</source>
        <translation>%1: %2 Nachrichten gesendet</translation>
    </message>
    <message>
        <source>%1: fetching failed</source>
        <translation>%1: Abrufen fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fetching mail for %1 failed:</source>
        <translation>Abrufen für %1 fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Sending from %1 failed:</source>
        <translation>Senden von %1 fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Protocol transcript (passwords and tokens removed):</source>
        <translation>Protokollmitschnitt (ohne Kennwörter und Token):</translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation>Zertifikat anzeigen…</translation>
    </message>
    <message>
        <source>Not sent yet, tried again at %1:</source>
        <translation>Noch nicht gesendet, neuer Versuch um %1:</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>Nicht gesendet:</translation>
    </message>
    <message>
        <source>Unknown whether it was sent (use Send Again only if it did not arrive):</source>
        <translation>Unklar, ob sie gesendet wurde („Erneut senden“ nur, wenn sie nicht angekommen ist):</translation>
    </message>
    <message>
        <source>Sending:</source>
        <translation>Senden:</translation>
    </message>
    <message>
        <source>%1: not sent yet, next attempt at %2</source>
        <translation>%1: noch nicht gesendet, nächster Versuch um %2</translation>
    </message>
    <message>
        <source>Not sent from %1 yet; Kurier tries again at %2 by itself:</source>
        <translation>Von %1 noch nicht gesendet; Kurier versucht es um %2 von selbst erneut:</translation>
    </message>
    <message>
        <source>%1: sending failed</source>
        <translation>%1: Senden fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::CertificateDialog</name>
    <message>
        <source>Trust this certificate for this account</source>
        <translation>Diesem Zertifikat für dieses Konto vertrauen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Certificate not trusted</source>
        <translation>Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The server %1 presented a certificate that could not be verified.</source>
        <translation>Der Server %1 hat ein Zertifikat vorgelegt, das nicht überprüft werden konnte.</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Benutzerkonto: %1</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>(not yet valid)</source>
        <translation>(noch nicht gültig)</translation>
    </message>
    <message>
        <source>(expired)</source>
        <translation>(abgelaufen)</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Someone may be intercepting the connection. Trust this certificate only if you have compared the fingerprint with the one your provider or administrator gave you. Kurier then accepts exactly this certificate, for this account only; a different certificate will be checked again.</source>
        <translation>Möglicherweise hört jemand die Verbindung ab. Vertrauen Sie diesem Zertifikat nur, wenn Sie den Fingerabdruck mit dem verglichen haben, den Ihnen Ihr Anbieter oder Administrator genannt hat. Kurier akzeptiert dann genau dieses Zertifikat und nur für dieses Benutzerkonto; ein anderes Zertifikat wird wieder geprüft.</translation>
    </message>
</context>
<context>
    <name>kurier::ui::ComposerWindow</name>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>New Message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>Name &lt;address@example.com&gt;, more addresses separated by commas</source>
        <translation>Name &lt;adresse@example.com&gt;, weitere Adressen durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>&amp;Bcc:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>An&amp;hängen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Save as &amp;Draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid e-mail address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Choose the account to send from.</source>
        <translation>Wählen Sie das Konto, von dem gesendet werden soll.</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>Geben Sie mindestens einen Empfänger an.</translation>
    </message>
    <message>
        <source>The account %1 has no SMTP server.</source>
        <translation>Das Konto %1 hat keinen SMTP-Server.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Forward: %1</source>
        <translation>Weiterleiten: %1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Discard Message?</source>
        <translation>Nachricht verwerfen?</translation>
    </message>
    <message>
        <source>This message has not been sent or saved. Discard it?</source>
        <translation>Diese Nachricht wurde weder gesendet noch gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>Entwurf: %1</translation>
    </message>
    <message>
        <source>Forwarded message</source>
        <translation>Weitergeleitete Nachricht</translation>
    </message>
    <message>
        <source>The message could not be saved in Drafts automatically: %1</source>
        <translation>Die Nachricht konnte nicht automatisch in Entwürfe gesichert werden: %1</translation>
    </message>
</context>
<context>
    <name>kurier::ui::Composing</name>
    <message>
        <source>The message cannot be read: %1</source>
        <translation>Die Nachricht kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>kurier::ui::ConnectionTestDialog</name>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Ursache:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Abhilfe:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Copy &amp;details</source>
        <translation>&amp;Details kopieren</translation>
    </message>
    <message>
        <source>Test &amp;again</source>
        <translation>&amp;Erneut testen</translation>
    </message>
    <message>
        <source>Connection test for %1</source>
        <translation>Verbindungstest für %1</translation>
    </message>
    <message>
        <source>Testing … nothing is fetched, deleted or sent.</source>
        <translation>Test läuft … es wird nichts abgerufen, gelöscht oder gesendet.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser (%1) …</source>
        <translation>Warte auf die Anmeldung im Browser (%1) …</translation>
    </message>
    <message>
        <source>Sign in at %1 with the code %2 …</source>
        <translation>Melden Sie sich bei %1 mit dem Code %2 an …</translation>
    </message>
    <message>
        <source>Show &amp;certificate…</source>
        <translation>&amp;Zertifikat anzeigen…</translation>
    </message>
    <message>
        <source>All steps passed: Kurier can fetch and send mail with this account.</source>
        <translation>Alle Schritte erfolgreich: Kurier kann mit diesem Benutzerkonto eMails abrufen und senden.</translation>
    </message>
    <message>
        <source>Failed at: %1. The step below says why and what to do.</source>
        <translation>Fehlgeschlagen bei: %1. Der Schritt unten nennt Ursache und Abhilfe.</translation>
    </message>
</context>
<context>
    <name>kurier::ui::DiscoveryProgressView</name>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip %1</source>
        <translation>%1 überspringen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::ErrorBanner</name>
    <message>
        <source>&amp;Details</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>Ursache:</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Abhilfe:</translation>
    </message>
</context>
<context>
    <name>kurier::ui::FolderTree</name>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>&amp;Fetch Mail for %1</source>
        <translation>Für %1 &amp;abrufen</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>A&amp;nmelden…</translation>
    </message>
    <message>
        <source>Mark Folder &amp;Read</source>
        <translation>Ordner als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>E&amp;mpty Trash</source>
        <translation>&amp;Papierkorb leeren</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Benutzerkonten…</translation>
    </message>
</context>
<context>
    <name>kurier::ui::FoundSettingsView</name>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>%1, port %2, %3</source>
        <translation>%1, Port %2, %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 — POP3 %2, SMTP %3</source>
        <translation>%1 — POP3 %2, SMTP %3</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>Gefunden über:</translation>
    </message>
    <message>
        <source>S&amp;ettings from:</source>
        <translation>&amp;Einstellungen von:</translation>
    </message>
    <message>
        <source>Confirmed by:</source>
        <translation>Bestätigt durch:</translation>
    </message>
    <message>
        <source>The short name of the account in the folder list and in kurierctl.</source>
        <translation>Das Kürzel des Kontos in der Ordnerliste und in kurierctl.</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Präfix:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>eMail-Adresse:</translation>
    </message>
    <message>
        <source>Incoming (POP3):</source>
        <translation>Posteingang (POP3):</translation>
    </message>
    <message>
        <source>Outgoing (SMTP):</source>
        <translation>Postausgang (SMTP):</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzerkonto:</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>from your provider or your IT department</source>
        <translation>von Ihrem Anbieter oder Ihrer IT-Abteilung</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <source>Settings found for %1</source>
        <translation>Einstellungen für %1 gefunden</translation>
    </message>
    <message>
        <source>Settings found for %1 (%2)</source>
        <translation>Einstellungen für %1 gefunden (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(unverified)</source>
        <translation>(nicht überprüft)</translation>
    </message>
    <message>
        <source>(without sign-in)</source>
        <translation>(ohne Anmeldung)</translation>
    </message>
    <message>
        <source>(user %1)</source>
        <translation>(Benutzer %1)</translation>
    </message>
    <message>
        <source>OAuth 2.0 at %1: %2</source>
        <translation>OAuth 2.0 bei %1: %2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>I con&amp;firm that %1 hosts the mail of %2.</source>
        <translation>Ich &amp;bestätige, dass %1 die E-Mails von %2 verwaltet.</translation>
    </message>
</context>
<context>
    <name>kurier::ui::MailActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Fetch Mail</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Verfassen</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>A&amp;ntworten</translation>
    </message>
    <message>
        <source>Reply to &amp;All</source>
        <translation>Allen antw&amp;orten</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>&amp;Weiterleiten</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>Als Anhan&amp;g weiterleiten</translation>
    </message>
    <message>
        <source>Send A&amp;gain</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <source>Sa&amp;ve As…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Re&amp;store</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Mark as &amp;Unread</source>
        <translation>Als &amp;ungelesen markieren</translation>
    </message>
    <message>
        <source>E&amp;mpty Trash</source>
        <translation>&amp;Papierkorb leeren</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Optionen</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Benutzerkonten…</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Mark as R&amp;ead</source>
        <translation>Als gelesen &amp;markieren</translation>
    </message>
    <message>
        <source>Mark as F&amp;lagged</source>
        <translation>Als w&amp;ichtig markieren</translation>
    </message>
    <message>
        <source>Remove F&amp;lag</source>
        <translation>Wichtig-Mar&amp;kierung entfernen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::MainWindow</name>
    <message>
        <source>Kurier</source>
        <translation>Kurier</translation>
    </message>
    <message>
        <source>There is no mail account yet.</source>
        <translation>Es gibt noch kein Mailkonto.</translation>
    </message>
    <message>
        <source>Create an account…</source>
        <translation>Benutzerkonto anlegen…</translation>
    </message>
    <message>
        <source>Filter by sender or subject</source>
        <translation>Nach Absender oder Betreff filtern</translation>
    </message>
    <message>
        <source>%1 – %2 – Kurier</source>
        <translation>%1 – %2 – Kurier</translation>
    </message>
    <message>
        <source>The message cannot be read: %1</source>
        <translation>Die Nachricht kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading the message list…</source>
        <translation>Die Nachrichtenliste wird geladen…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>The message could not be queued again.</source>
        <translation>Die Nachricht konnte nicht erneut eingereiht werden.</translation>
    </message>
</context>
<context>
    <name>kurier::ui::MessageListModel</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Has attachments</source>
        <translation>Hat Anhänge</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Wichtig: %1</translation>
    </message>
</context>
<context>
    <name>kurier::ui::MessageOperations</name>
    <message>
        <source>The message could not be marked: %1</source>
        <translation>Die Nachricht konnte nicht markiert werden: %1</translation>
    </message>
    <message>
        <source>The message could not be moved to the Trash: %1</source>
        <translation>Die Nachricht konnte nicht in den Papierkorb verschoben werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 messages were moved to the Trash; the others could not be: %3</source>
        <translation>%1 von %2 Nachrichten wurden in den Papierkorb verschoben; die übrigen nicht: %3</translation>
    </message>
    <message>
        <source>Moved to the Trash, but it cannot be marked for deletion on the server: %1</source>
        <translation>In den Papierkorb verschoben, aber sie kann nicht zum Löschen auf dem Server vorgemerkt werden: %1</translation>
    </message>
    <message>
        <source>Moved to the Trash; it will be deleted on the server at the next fetch.</source>
        <translation>In den Papierkorb verschoben; beim nächsten Abrufen wird sie auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>%1 messages moved to the Trash; they will be deleted on the server at the next fetch.</source>
        <translation>%1 Nachrichten in den Papierkorb verschoben; sie werden beim nächsten Abruf auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>Moved to the Trash.</source>
        <translation>In den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>%1 messages moved to the Trash.</source>
        <translation>%1 Nachrichten in den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>The message could not be restored: %1</source>
        <translation>Die Nachricht konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored to %1.</source>
        <translation>Wiederhergestellt in: %1.</translation>
    </message>
    <message>
        <source>%1 messages restored to the folders they came from.</source>
        <translation>%1 Nachrichten in ihre Ordner zurückgelegt.</translation>
    </message>
    <message>
        <source>Some could not be restored: %1</source>
        <translation>Einige konnten nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Empty Trash?</source>
        <translation>Papierkorb leeren?</translation>
    </message>
    <message>
        <source>Delete the message in the Trash of %1 for good?</source>
        <translation>Die Nachricht im Papierkorb von %1 endgültig löschen?</translation>
    </message>
    <message>
        <source>Delete all %2 messages in the Trash of %1 for good?</source>
        <translation>Alle %2 Nachrichten im Papierkorb von %1 endgültig löschen?</translation>
    </message>
    <message>
        <source>&amp;Empty Trash</source>
        <translation>Papierkorb &amp;leeren</translation>
    </message>
    <message>
        <source>The Trash of %1 is empty.</source>
        <translation>Der Papierkorb von %1 ist leer.</translation>
    </message>
    <message>
        <source>Delete Message?</source>
        <translation>Nachricht löschen?</translation>
    </message>
    <message>
        <source>Delete Messages?</source>
        <translation>Nachrichten löschen?</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; for good?</source>
        <translation>„%1“ endgültig löschen?</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Delete these %1 messages for good?</source>
        <translation>Diese %1 Nachrichten endgültig löschen?</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>The message could not be deleted: %1</source>
        <translation>Die Nachricht konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>%1 messages could not be deleted: %2</source>
        <translation>%1 Nachrichten konnten nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>kurier::ui::MessageView</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Remote content in this message was blocked to protect your privacy.</source>
        <translation>Externe Inhalte dieser Nachricht wurden zum Schutz Ihrer Privatsphäre blockiert.</translation>
    </message>
    <message>
        <source>&amp;Load remote content</source>
        <translation>Externe Inhalte &amp;laden</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>This message could not be read: %1</source>
        <translation>Diese Nachricht konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>(unbenannt, %1)</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Replace File?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists. Replace it?</source>
        <translation>„%1“ gibt es bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Open Program?</source>
        <translation>Programm öffnen?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a program or script. Opening it may run it on this computer. Open it only if you trust the sender and expected this file.</source>
        <translation>„%1“ ist ein Programm oder Skript. Beim Öffnen kann es auf diesem Computer ausgeführt werden. Öffnen Sie es nur, wenn Sie dem Absender vertrauen und diese Datei erwartet haben.</translation>
    </message>
    <message>
        <source>Open &amp;Anyway</source>
        <translation>&amp;Trotzdem öffnen</translation>
    </message>
    <message>
        <source>Could not open the attachment: %1</source>
        <translation>Der Anhang konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The sender named it: %1</source>
        <translation>Vom Absender benannt: %1</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Save Message</source>
        <translation>Nachricht speichern</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::NewAccountFlow</name>
    <message>
        <source>New account</source>
        <translation>Neues Benutzerkonto</translation>
    </message>
    <message>
        <source>Edit &amp;manually…</source>
        <translation>&amp;Manuell bearbeiten…</translation>
    </message>
    <message>
        <source>Open the detailed form with everything known so far</source>
        <translation>Das ausführliche Formular öffnen, mit allem, was bisher bekannt ist</translation>
    </message>
    <message>
        <source>Test &amp;connection…</source>
        <translation>Verbindung &amp;testen…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Create &amp;account</source>
        <translation>Konto &amp;anlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Set up an existing e-mail address</source>
        <translation>Eine bestehende eMail-Adresse einrichten</translation>
    </message>
    <message>
        <source>Kurier looks up the servers of your provider from the address: its published settings, the Mozilla ISPDB, DNS, and by asking the likely servers. Only the address leaves this computer, never the password.</source>
        <translation>Kurier sucht die Server Ihres Anbieters anhand der Adresse: in seinen veröffentlichten Einstellungen, in der Mozilla-ISPDB, im DNS und durch Nachfragen bei den naheliegenden Servern. Nur die Adresse verlässt diesen Rechner, nie das Kennwort.</translation>
    </message>
    <message>
        <source>as recipients see it, e.g. Erika Mustermann</source>
        <translation>wie Empfänger ihn sehen, z. B. Erika Mustermann</translation>
    </message>
    <message>
        <source>Y&amp;our name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;eMail-Adresse:</translation>
    </message>
    <message>
        <source>leave empty when you sign in with OAuth 2.0</source>
        <translation>leer lassen bei Anmeldung mit OAuth 2.0</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>Set up &amp;manually…</source>
        <translation>&amp;Manuell einrichten…</translation>
    </message>
    <message>
        <source>%1 Use “Edit manually” to complete the settings.</source>
        <translation>%1 Vervollständigen Sie die Einstellungen mit „Manuell bearbeiten“.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.com.</source>
        <translation>Geben Sie eine eMail-Adresse wie name@beispiel.de ein.</translation>
    </message>
    <message>
        <source>Looking for the settings of %1…</source>
        <translation>Suche die Einstellungen für %1…</translation>
    </message>
    <message>
        <source>Every source is asked at once; the most trustworthy answer wins. A source that takes long can be skipped.</source>
        <translation>Alle Quellen werden gleichzeitig gefragt; die vertrauenswürdigste Antwort gilt. Eine Quelle, die lange braucht, lässt sich überspringen.</translation>
    </message>
    <message>
        <source>No settings found for %1</source>
        <translation>Keine Einstellungen für %1 gefunden</translation>
    </message>
    <message>
        <source>None of the sources knows this provider&apos;s servers (each says why below). Ask your provider for them and enter them with “Set up manually”.</source>
        <translation>Keine der Quellen kennt die Server dieses Anbieters (warum, steht jeweils unten). Fragen Sie Ihren Anbieter danach und tragen Sie sie mit „Manuell einrichten“ ein.</translation>
    </message>
    <message>
        <source>The account could not be saved.</source>
        <translation>Das Benutzerkonto konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>kurier::ui::NewMailNotifier</name>
    <message>
        <source>Kurier</source>
        <translation>Kurier</translation>
    </message>
    <message>
        <source>New mail for %1</source>
        <translation>Neue eMails für %1</translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 neue Nachrichten</translation>
    </message>
    <message>
        <source>Kurier – %1 unread</source>
        <translation>Kurier – %1 ungelesen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::OptionsDialog</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>kurier::ui::SignInDialog</name>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open the browser again</source>
        <translation>Browser erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Password for %1:</source>
        <translation>&amp;Kennwort für %1:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in – %1</source>
        <translation>Anmelden – %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Signing in to %1 …</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <source>Kurier asks the identity provider for a token for %1.</source>
        <translation>Kurier fragt beim Identitätsanbieter ein Token für %1 an.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>This account does not keep its password. Enter it to sign in.</source>
        <translation>Dieses Konto speichert sein Kennwort nicht. Geben Sie es zum Anmelden ein.</translation>
    </message>
    <message>
        <source>Continue in your web browser</source>
        <translation>Weiter im Webbrowser</translation>
    </message>
    <message>
        <source>Kurier has opened the sign-in page of %1 in your web browser. Sign in there; Kurier continues by itself afterwards. If no browser opened, &lt;a href=&quot;%2&quot;&gt;open the sign-in page&lt;/a&gt;.</source>
        <translation>Kurier hat die Anmeldeseite von %1 in Ihrem Webbrowser geöffnet. Melden Sie sich dort an; danach macht Kurier von selbst weiter. Hat sich kein Browser geöffnet, &lt;a href=&quot;%2&quot;&gt;öffnen Sie die Anmeldeseite&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Enter this code</source>
        <translation>Geben Sie diesen Code ein</translation>
    </message>
    <message>
        <source>On any device, open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; and enter the code below. Kurier continues by itself once you have signed in there.</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; und geben Sie den Code unten ein. Sobald Sie dort angemeldet sind, macht Kurier von selbst weiter.</translation>
    </message>
    <message>
        <source>The code is valid for %1:%2 more minutes.</source>
        <translation>Der Code ist noch %1:%2 Minuten gültig.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The server said:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antwort des Servers:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Cause:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Ursache:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What to do:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Abhilfe:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>&lt;p&gt;Kurier may now read and send mail as &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kurier darf jetzt als &lt;b&gt;%1&lt;/b&gt; Mail lesen und senden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The access token is valid until %1 and is renewed automatically.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Zugriffstoken ist bis %1 gültig und wird automatisch erneuert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Warning:&lt;/b&gt; the token is for %1, not Exchange Online; POP3 and SMTP will refuse it. Use the scope https://outlook.office365.com/.default&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warnung:&lt;/b&gt; Das Token gilt für %1, nicht für Exchange Online; POP3 und SMTP werden es ablehnen. Verwenden Sie den Scope https://outlook.office365.com/.default&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Warning:&lt;/b&gt; you signed in as %1, but the account&apos;s user is %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warnung:&lt;/b&gt; Sie haben sich als %1 angemeldet, der Benutzer des Kontos ist aber %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>kurier::ui::TenantDialog</name>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Microsoft 365 / Outlook</source>
        <translation>Microsoft 365 / Outlook</translation>
    </message>
    <message>
        <source>Enter your organisation&apos;s tenant: the tenant ID shown in the Azure portal under Microsoft Entra ID → Overview, or a verified domain such as contoso.onmicrosoft.com.</source>
        <translation>Geben Sie den Mandanten Ihrer Organisation ein: die Mandanten-ID aus dem Azure-Portal unter Microsoft Entra ID → Übersicht oder eine verifizierte Domain wie contoso.onmicrosoft.com.</translation>
    </message>
    <message>
        <source>&amp;Tenant ID or domain</source>
        <translation>&amp;Mandanten-ID oder Domain</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>This is neither a tenant ID (a GUID) nor a domain name.</source>
        <translation>Das ist weder eine Mandanten-ID (eine GUID) noch ein Domainname.</translation>
    </message>
</context>
</TS>
