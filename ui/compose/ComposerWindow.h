#pragma once

#include "mime/Draft.h"
#include "mime/ParsedMessage.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
#include <QMessageBox>
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace kurier::store {
class AccountManager;
struct Account;
}

namespace kurier::ui {

// "Verfassen": From (the accounts, default preselected), To/Cc/Bcc checked as typed, Subject,
// a plain-text body and attachments. Senden builds the message (mime::MessageBuilder) and puts
// it durably into the account's Outbox; the main window's sender takes it from there.
// "Als Entwurf speichern" stores it in Drafts. Closing with unsaved text asks (non-modal).
class ComposerWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { New, Reply, ReplyAll, Forward };

    explicit ComposerWindow(store::AccountManager *accounts, QWidget *parent = nullptr);

    // Prefills for a reply (quoted, In-Reply-To/References), reply to all, or a forward
    // (quoted inline, attachments carried over). accountId: the account the message came to.
    void setOriginal(Mode mode, const mime::ParsedMessage &original, const QString &accountId);
    // Weiterleiten als Anhang: the original message unchanged as a message/rfc822 attachment.
    void setForwardAsAttachment(const mime::ParsedMessage &original, const QByteArray &raw, const QString &accountId);
    // One more message forwarded with it (several selected), named after its subject.
    void addForwardedMessage(const QString &subject, const QByteArray &raw);
    void setRecipients(const QString &to);
    // The counterpart of draft(): recipients, subject, body (above the account's signature),
    // attachments and thread headers from `draft` (a mailto: link, an answer).
    void setDraft(const mime::Draft &draft);
    // The body's own text (a mailto: body), followed by the signature.
    void setBodyText(const QString &text);
    // Continues a saved draft (a file in Drafts): the fields from it; once the message is sent
    // or saved again, that file is removed. Bcc is kept in the draft file (only there: a message
    // to send never carries it).
    void loadDraft(const mime::ParsedMessage &draft, const QString &accountId, const QString &draftFile);
    // Addresses seen ("Name <address>"), offered while typing in To, Cc and Bcc; choosing one
    // replaces only the address being typed.
    void setKnownAddresses(const QStringList &addresses);
    [[nodiscard]] QCompleter *completer(QLineEdit *field) const;

    void addAttachmentFile(const QString &path);
    void addAttachment(const mime::DraftAttachment &attachment);

    // Validates; on success puts the message into the Outbox, emits queued() and closes.
    // On a problem shows it and returns false (the cursor goes to the field).
    bool send();
    bool saveDraft();
    // Every two minutes, when something was typed since: a copy in Drafts (replacing the
    // previous copy). Sending, saving or discarding removes it; a draft the composer was opened
    // from stays as it was until the message is sent or saved.
    void autosave();
    void setAutosaveInterval(int milliseconds); // tests
    static constexpr int kAutosaveIntervalMs = 2 * 60 * 1000;
    [[nodiscard]] QString autosaveFile() const { return m_autosaveFile; }

    [[nodiscard]] QComboBox *fromBox() const { return m_from; }
    [[nodiscard]] QLineEdit *toEdit() const { return m_to; }
    [[nodiscard]] QLineEdit *ccEdit() const { return m_cc; }
    [[nodiscard]] QLineEdit *bccEdit() const { return m_bcc; }
    [[nodiscard]] QLineEdit *subjectEdit() const { return m_subject; }
    [[nodiscard]] QPlainTextEdit *bodyEdit() const { return m_body; }
    [[nodiscard]] QListWidget *attachmentList() const { return m_attachmentList; }
    [[nodiscard]] QLabel *problemLabel() const { return m_problem; }
    [[nodiscard]] QMessageBox *discardQuestion() const { return m_discard; }
    // The draft as the fields describe it now.
    [[nodiscard]] mime::Draft draft() const;

    // "Anna <a@example.org>, b@example.org": empty error when every address is valid.
    [[nodiscard]] static QString checkAddresses(const QString &text, QList<mime::MailAddress> *addresses);

signals:
    void queued(const QString &accountId, const QString &outboxId);
    void draftSaved(const QString &accountId);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    bool validate();
    void showProblem(QWidget *field, const QString &text);
    void checkField(QLineEdit *edit);
    void chooseAttachments();
    void removeSelectedAttachment();
    void refreshAttachmentList();
    // Signatures: new messages, replies and forwards start with the From account's signature;
    // choosing another From swaps it (as Thunderbird does) where it stands, unless edited.
    [[nodiscard]] QString signatureBlockFor(const QString &accountId) const;
    // A text as QPlainTextEdit::toPlainText() gives it back (no-break spaces and Unicode line
    // separators become plain ones), so that what was put in can be found again.
    [[nodiscard]] static QString asEditorText(QString text);
    void applySignature();
    // The draft as a file in the account's Drafts (flags D and S); its path, or nullopt and *error.
    // The draft this message was continued from (loadDraft), once it is sent or saved anew.
    void discardLoadedDraft();
    std::optional<QString> writeDraft(const store::Account &account, QString *error) const;
    void removeAutosave();

    store::AccountManager *m_accounts;
    QComboBox *m_from;
    QLineEdit *m_to;
    QLineEdit *m_cc;
    QLineEdit *m_bcc;
    QLineEdit *m_subject;
    QPlainTextEdit *m_body;
    QListWidget *m_attachmentList;
    QLabel *m_problem;
    QPushButton *m_send;
    QTimer *m_autosaveTimer;
    QString m_autosaveFile;
    QString m_autosaveAccount; // whose Drafts it is in (the From box may change meanwhile)
    bool m_changedSinceSave = false;
    bool m_swappingSignature = false;
    bool m_autosaveFailed = false;
    QList<mime::DraftAttachment> m_attachments;
    QString m_inReplyTo;
    QStringList m_references;
    QString m_draftFile;
    QString m_draftAccount; // whose Drafts it is in
    QString m_signatureBlock; // "\n\n-- \n<signature>" as put into the body, or empty
    QString m_quotedPart;     // the reply's quote or the forwarded text, which stays below it
    bool m_closeConfirmed = false;
    QPointer<QMessageBox> m_discard;
};

} // namespace kurier::ui
