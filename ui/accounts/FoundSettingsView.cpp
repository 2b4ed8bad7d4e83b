#include "accounts/FoundSettingsView.h"

#include "common/FormStyle.h"
#include "discovery/Discovery.h"
#include "oauth/SignInMethod.h"
#include "store/Security.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace kurier::ui {

using discovery::DiscoveredConfig;
using discovery::Discovery;
using store::AccountField;

namespace {

// The fields this page has inputs for; any other error needs the detailed form.
bool shownHere(AccountField field)
{
    return field == AccountField::Prefix || field == AccountField::Pop3Password || field == AccountField::OAuthClientId
        || field == AccountField::SmtpPassword;
}

QString serverText(const QString &host, int port, store::Security security)
{
    if (host.isEmpty())
        return FoundSettingsView::tr("not found");
    return FoundSettingsView::tr("%1, port %2, %3").arg(host).arg(port).arg(store::securityDisplayName(security));
}

// The choice names what differs: host, port and security of both servers.
QString choiceText(const DiscoveredConfig &d)
{
    const auto server = [](const std::optional<discovery::ServerConfig> &s) {
        return s ? QStringLiteral("%1:%2 %3").arg(s->hostname).arg(s->port).arg(store::securityDisplayName(s->security))
                 : FoundSettingsView::tr("none");
    };
    return FoundSettingsView::tr("%1 — POP3 %2, SMTP %3")
        .arg(Discovery::sourceName(d.source), server(d.config.firstIncoming(discovery::ServerConfig::Protocol::Pop3)),
             server(d.config.firstOutgoing()));
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

FoundSettingsView::FoundSettingsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(this);
    QFont big = m_heading->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_heading->setFont(big);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addLayout(m_form);

    m_source = valueLabel(this);
    m_form->addRow(tr("Found by:"), m_source);
    m_choice = new QComboBox(this);
    auto *choiceLabel = new QLabel(tr("S&ettings from:"), this);
    choiceLabel->setBuddy(m_choice);
    m_form->addRow(choiceLabel, m_choice);
    m_agreement = valueLabel(this);
    m_form->addRow(tr("Confirmed by:"), m_agreement);

    auto withMessage = [this](QWidget *editor, QLabel **message) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(editor);
        *message = new QLabel(box);
        (*message)->setWordWrap(true);
        setMessageStyle(*message, MessageKind::Error);
        (*message)->hide();
        v->addWidget(*message);
        return box;
    };

    m_prefix = new QLineEdit(this);
    m_prefix->setMaxLength(10);
    m_prefix->setToolTip(tr("The short name of the account in the folder list and in kurierctl."));
    auto *prefixLabel = new QLabel(tr("&Prefix:"), this);
    prefixLabel->setBuddy(m_prefix);
    m_form->addRow(prefixLabel, withMessage(m_prefix, &m_prefixMessage));
    m_address = valueLabel(this);
    m_form->addRow(tr("E-mail address:"), m_address);
    m_incoming = valueLabel(this);
    m_form->addRow(tr("Incoming (POP3):"), m_incoming);
    m_outgoing = valueLabel(this);
    m_form->addRow(tr("Outgoing (SMTP):"), m_outgoing);
    m_user = valueLabel(this);
    m_form->addRow(tr("User name:"), m_user);
    m_signIn = valueLabel(this);
    m_form->addRow(tr("Sign-in:"), m_signIn);

    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    auto *passwordLabel = new QLabel(tr("Pass&word:"), this);
    passwordLabel->setBuddy(m_password);
    m_form->addRow(passwordLabel, withMessage(m_password, &m_passwordMessage));
    m_clientId = new QLineEdit(this);
    m_clientId->setPlaceholderText(tr("from your provider or your IT department"));
    auto *clientIdLabel = new QLabel(tr("&Client ID:"), this);
    clientIdLabel->setBuddy(m_clientId);
    m_form->addRow(clientIdLabel, withMessage(m_clientId, &m_clientIdMessage));

    m_notes = new QVBoxLayout;
    m_notes->setSpacing(4);
    layout->addLayout(m_notes);
    m_confirm = new QCheckBox(this);
    layout->addWidget(m_confirm);
    layout->addStretch(1);

    connect(m_prefix, &QLineEdit::textEdited, this, &FoundSettingsView::validate);
    connect(m_password, &QLineEdit::textEdited, this, &FoundSettingsView::validate);
    connect(m_clientId, &QLineEdit::textEdited, this, &FoundSettingsView::validate);
    connect(m_confirm, &QCheckBox::toggled, this, &FoundSettingsView::changed);
    connect(m_choice, &QComboBox::activated, this, [this](int index) {
        choose(m_choice->itemData(index).toInt());
    });
}

void FoundSettingsView::setFound(const QList<DiscoveredConfig> &found, const QString &emailAddress, const QString &senderName,
                                 const QString &password, const QList<store::Account> &existing)
{
    Q_ASSERT(!found.isEmpty());
    m_found = found;
    m_email = emailAddress.trimmed();
    m_senderName = senderName;
    m_existing = existing;
    m_prefix->setText(discovery::AccountProposal::suggestPrefix(m_email, existing));
    m_password->setText(password);
    m_clientId->clear();
    m_confirm->setChecked(false);
    fillChoice();
    choose(0);
}

void FoundSettingsView::updateFound(const QList<DiscoveredConfig> &found)
{
    if (found.isEmpty() || m_found.isEmpty())
        return;
    // Keep the user's choice: find it again in the new list (the lists only grow).
    const DiscoveredConfig current = chosen();
    m_found = found;
    int index = 0;
    for (int i = 0; i < m_found.size(); ++i) {
        if (m_found.at(i).source == current.source && m_found.at(i).origin == current.origin)
            index = i;
    }
    m_chosen = index;
    fillChoice();
    choose(index);
}

void FoundSettingsView::fillChoice()
{
    // One entry per distinct set of servers, in the order of priority: agreeing sources are
    // one choice, named as confirmation.
    m_choice->clear();
    QList<int> distinct;
    for (int i = 0; i < m_found.size(); ++i) {
        const bool seen = std::any_of(distinct.begin(), distinct.end(),
                                      [&](int j) { return m_found.at(j).config.sameServersAs(m_found.at(i).config); });
        if (!seen)
            distinct << i;
    }
    for (int i : distinct)
        m_choice->addItem(choiceText(m_found.at(i)), i);
    setRowVisible(m_choice, distinct.size() > 1);
}

void FoundSettingsView::choose(int index)
{
    if (index < 0 || index >= m_found.size())
        return;
    m_chosen = index;
    const int at = m_choice->findData(index);
    if (at >= 0)
        m_choice->setCurrentIndex(at);
    const DiscoveredConfig &d = chosen();
    m_proposal = discovery::AccountProposal::from(d, m_email, m_senderName);
    const store::Account &a = m_proposal.account;

    const QString domain = m_email.section(u'@', -1);
    m_heading->setText(d.config.displayName.isEmpty() ? tr("Settings found for %1").arg(domain)
                                                      : tr("Settings found for %1 (%2)").arg(domain, d.config.displayName));
    QString source = tr("%1 — %2").arg(Discovery::sourceName(d.source), d.origin);
    if (!d.verified)
        source += u' ' + tr("(unverified)");
    m_source->setText(source);

    QStringList agreeing;
    for (int i = 0; i < m_found.size(); ++i) {
        if (i != index && m_found.at(i).config.sameServersAs(d.config)) {
            const QString name = Discovery::sourceName(m_found.at(i).source);
            if (!agreeing.contains(name))
                agreeing << name;
        }
    }
    m_agreement->setText(agreeing.join(QStringLiteral(", ")));
    setRowVisible(m_agreement, !agreeing.isEmpty());

    m_address->setText(m_email);
    m_incoming->setText(serverText(a.pop3.host, a.pop3.effectivePort(), a.pop3.security));
    QString outgoing = serverText(a.smtp.host, a.smtp.effectivePort(), a.smtp.security);
    if (!a.smtp.host.isEmpty() && a.smtp.auth == store::SmtpAuth::None)
        outgoing += u' ' + tr("(without sign-in)");
    else if (!a.smtp.host.isEmpty() && a.smtp.auth == store::SmtpAuth::Password)
        outgoing += u' ' + tr("(user %1)").arg(a.smtp.user);
    m_outgoing->setText(outgoing);
    m_user->setText(a.pop3User());
    if (a.oauth.enabled) {
        const QString host = QUrl(a.oauth.tokenEndpoint).host();
        m_signIn->setText(tr("OAuth 2.0 at %1: %2").arg(host, oauth::signInMethodDisplayName(a.oauth.method)));
    } else {
        m_signIn->setText(tr("Password"));
    }
    const bool needsPassword = !a.oauth.enabled || oauth::signInMethodNeedsUserPassword(a.oauth.method);
    setRowVisible(m_password->parentWidget(), needsPassword);
    const bool needsClientId = m_proposal.missing.contains(discovery::AccountProposal::Missing::OAuthClientId);
    setRowVisible(m_clientId->parentWidget(), needsClientId);

    while (QLayoutItem *item = m_notes->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &note : m_proposal.notes) {
        auto *label = new QLabel(note, this);
        label->setWordWrap(true);
        setMessageStyle(label, MessageKind::Warning);
        m_notes->addWidget(label);
    }
    m_confirm->setText(tr("I con&firm that %1 hosts the mail of %2.")
                           .arg(d.config.displayName.isEmpty() ? a.pop3.host : d.config.displayName, domain));
    m_confirm->setVisible(d.pointsElsewhere);
    validate();
}

store::Account FoundSettingsView::account() const
{
    store::Account a = m_proposal.account;
    a.prefix = m_prefix->text().trimmed();
    if (a.oauth.enabled && a.oauth.clientId.isEmpty())
        a.oauth.clientId = m_clientId->text().trimmed();
    return a;
}

store::SecretUpdate FoundSettingsView::secrets() const
{
    store::SecretUpdate update;
    const store::Account a = account();
    const bool needsPassword = !a.oauth.enabled || oauth::signInMethodNeedsUserPassword(a.oauth.method);
    if (!needsPassword || m_password->text().isEmpty())
        return update;
    update.set(store::SecretName::Pop3Password, m_password->text());
    // A provider with another user name for SMTP (rare) still has the one password.
    if (a.smtp.auth == store::SmtpAuth::Password)
        update.set(store::SecretName::SmtpPassword, m_password->text());
    return update;
}

bool FoundSettingsView::isComplete() const
{
    if (m_found.isEmpty() || store::AccountValidator::hasErrors(m_issues))
        return false;
    return !chosen().pointsElsewhere || m_confirm->isChecked();
}

QStringList FoundSettingsView::otherErrors() const
{
    QStringList errors;
    for (const auto &issue : m_issues) {
        if (issue.isError() && !shownHere(issue.field) && !errors.contains(issue.message))
            errors << issue.message;
    }
    return errors;
}

void FoundSettingsView::validate()
{
    m_issues = store::AccountValidator::validate(account(), secrets(), m_existing);
    const auto show = [this](QLabel *label, std::initializer_list<AccountField> fields) {
        QStringList messages;
        for (const auto &issue : m_issues) {
            if (issue.isError() && std::find(fields.begin(), fields.end(), issue.field) != fields.end())
                messages << issue.message;
        }
        label->setText(messages.join(u'\n'));
        label->setVisible(!messages.isEmpty());
    };
    show(m_prefixMessage, {AccountField::Prefix});
    show(m_passwordMessage, {AccountField::Pop3Password, AccountField::SmtpPassword});
    show(m_clientIdMessage, {AccountField::OAuthClientId});
    emit changed();
}

void FoundSettingsView::setRowVisible(QWidget *field, bool visible)
{
    m_form->setRowVisible(field, visible);
}

} // namespace kurier::ui
