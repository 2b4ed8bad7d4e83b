<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountManager</name>
    <message>
        <source>The account has errors and was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was not deleted because its secrets could not be removed from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountStore</name>
    <message>
        <source>The settings file %1 is damaged and cannot be read. Restore it from a backup or move it away to start afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer Kurier (format %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountValidator</name>
    <message>
        <source>Enter the %1 server&apos;s host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 995 uses SSL/TLS from the start, not STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 110 is for unencrypted or STARTTLS connections, not SSL/TLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use port 995</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 465 uses SSL/TLS from the start, not STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 starts unencrypted and switches with STARTTLS; SSL/TLS will not connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the token endpoint URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the placeholder in braces with your tenant ID (Microsoft Entra ID → Overview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must be an absolute https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint must use https:// (http:// is only allowed for this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint URL must not contain a user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client ID of the registered application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like a mail address. The client ID is the application&apos;s ID from its registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Microsoft client ID is a GUID such as 6b29fc40-ca47-1067-b31d-00dd010662da (App registrations → Overview → Application (client) ID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This looks like the secret&apos;s ID, not its value. Copy the &quot;Value&quot; column under Certificates &amp; secrets (otherwise Microsoft answers AADSTS7000215).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App-only access needs the client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the scope, for Microsoft 365: https://outlook.office365.com/.default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens for Microsoft Graph are refused by POP3 and SMTP. Use https://outlook.office365.com/.default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the Exchange scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App-only access needs a scope ending in /.default, e.g. https://outlook.office365.com/.default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider&apos;s sign-in address cannot be derived from the token endpoint; enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without encryption your password and mail travel readable by anyone on the network. Confirm that you really want an unencrypted connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a prefix (1 to 10 letters, digits, - or _).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prefix may only have 1 to 10 letters, digits, - or _.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prefix &quot;%1&quot; is already used by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name must not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of days must be from 1 to 3650.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SMTP password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EHLO name must be a host name or address literal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file &quot;%1&quot; cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>The keychain has no such entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access (it may be locked). Unlock it and try again. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) is running in this session. Start one, or let Kurier ask for the password each time. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kurier::oauth::SignInMethod</name>
    <message>
        <source>User name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App-only (client credentials)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kurier::store::Security</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kurier::ui::MainWindow</name>
    <message>
        <source>Kurier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
