#pragma once

#include "discovery/AccountProposal.h"
#include "discovery/DiscoveredConfig.h"
#include "store/Account.h"
#include "store/AccountValidator.h"
#include "store/SecretUpdate.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace kurier::ui {

// What discovery found for an address, as the user decides on it: where it came from, the
// POP3 and SMTP server with their security, the user name and how Kurier will sign in, the
// prefix (suggested, editable), and only the inputs still missing (the password, the OAuth
// client ID). When the sources disagree the user chooses which to use; when they agree the
// others are named as confirmation. Servers outside the address's domain need a tick first.
// Rules stay in the core: the proposal is discovery::AccountProposal, the verdict
// store::AccountValidator's.
class FoundSettingsView : public QWidget
{
    Q_OBJECT
public:
    explicit FoundSettingsView(QWidget *parent = nullptr);

    // `found`: discovery's results, best first (not empty). `password`: what the user typed on
    // the first page (may be empty). `existing`: the stored accounts, for the prefix.
    void setFound(const QList<discovery::DiscoveredConfig> &found, const QString &emailAddress, const QString &senderName,
                  const QString &password, const QList<store::Account> &existing);
    // More results arrived while the page is shown (a slower source): the choice grows, what
    // the user typed stays.
    void updateFound(const QList<discovery::DiscoveredConfig> &found);

    // The account as shown, with the prefix and client ID typed here.
    [[nodiscard]] store::Account account() const;
    [[nodiscard]] store::SecretUpdate secrets() const;
    [[nodiscard]] const discovery::DiscoveredConfig &chosen() const { return m_found.at(m_chosen); }
    // Everything needed is there and confirmed: the account can be created as shown.
    [[nodiscard]] bool isComplete() const;
    // The validator's errors, for the fields this page does not show (then: Manuell bearbeiten).
    [[nodiscard]] QStringList otherErrors() const;

    [[nodiscard]] QLineEdit *prefixEdit() const { return m_prefix; }
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }
    [[nodiscard]] QLineEdit *clientIdEdit() const { return m_clientId; }
    [[nodiscard]] QComboBox *choice() const { return m_choice; }
    [[nodiscard]] QCheckBox *confirmation() const { return m_confirm; }
    [[nodiscard]] QLabel *sourceLabel() const { return m_source; }
    [[nodiscard]] QLabel *incomingLabel() const { return m_incoming; }
    [[nodiscard]] QLabel *outgoingLabel() const { return m_outgoing; }
    [[nodiscard]] QLabel *signInLabel() const { return m_signIn; }

signals:
    // Something the verdict depends on changed (typed, chosen, ticked).
    void changed();

private:
    void choose(int index);
    void fillChoice();
    void validate();
    void setRowVisible(QWidget *field, bool visible);

    QList<discovery::DiscoveredConfig> m_found;
    int m_chosen = 0;
    discovery::AccountProposal m_proposal;
    QString m_email;
    QString m_senderName;
    QList<store::Account> m_existing;

    QFormLayout *m_form = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_source = nullptr;
    QComboBox *m_choice = nullptr;
    QLabel *m_agreement = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLabel *m_prefixMessage = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_incoming = nullptr;
    QLabel *m_outgoing = nullptr;
    QLabel *m_user = nullptr;
    QLabel *m_signIn = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_passwordMessage = nullptr;
    QLineEdit *m_clientId = nullptr;
    QLabel *m_clientIdMessage = nullptr;
    QVBoxLayout *m_notes = nullptr;
    QCheckBox *m_confirm = nullptr;
    QList<store::ValidationIssue> m_issues;
};

} // namespace kurier::ui
