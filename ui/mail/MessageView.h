#pragma once

#include "mail/AttachmentOpener.h"
#include "mime/ParsedMessage.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QListWidget;
#include <QMessageBox>
class QPushButton;
#include <QFrame>

namespace kurier::ui {

class SafeTextBrowser;

// One message for reading: decoded headers, the body (HTML with remote content blocked until
// the user loads it for this message; plain text with clickable links; inline cid: images) and
// the attachments with Save. Everything a sender controls is shown as plain text or through
// SafeTextBrowser, never interpreted.
class MessageView : public QWidget
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void showMessage(const QByteArray &raw);
    void clear();
    [[nodiscard]] const mime::ParsedMessage &message() const { return m_message; }
    [[nodiscard]] bool hasMessage() const { return !m_raw.isEmpty(); }

    [[nodiscard]] SafeTextBrowser *browser() const { return m_browser; }
    [[nodiscard]] QWidget *remoteContentBar() const { return m_remoteBar; }
    [[nodiscard]] QListWidget *attachmentList() const { return m_attachments; }
    // The attachments listed (inline parts the HTML shows are not).
    [[nodiscard]] QList<mime::ParsedPart> listedAttachments() const { return m_listed; }

    // Saves attachment `row` under its sanitised name into `directory`. When such a file exists,
    // asks first (overwriteQuestion(), non-modal) and writes only on "Replace".
    void saveAttachmentTo(int row, const QString &directory);
    [[nodiscard]] QMessageBox *overwriteQuestion() const { return m_question; }
    // Saves the whole message, as received, into `directory` as "<subject>.eml" (sanitised;
    // mutt, Thunderbird and Outlook open it), asking the same way before replacing a file.
    void saveMessageTo(const QString &directory);
    // The file name saveMessage() proposes.
    [[nodiscard]] QString messageFileName() const;

    // Öffnen: a read-only copy in a private directory (AttachmentOpener), handed to the desktop
    // (QDesktopServices). A program or script asks first (openQuestion(), non-modal).
    void openAttachment(int row);
    [[nodiscard]] QMessageBox *openQuestion() const { return m_openQuestion; }
    [[nodiscard]] const AttachmentOpener &opener() const { return m_opener; }

public slots:
    void loadRemoteContent();
    // Save… for the selected attachment: a file dialog (non-modal) with the sanitised name.
    void saveSelectedAttachment();
    // Speichern unter… for the message shown: a file dialog (non-modal) with messageFileName().
    void saveMessage();
    void openSelectedAttachment();

signals:
    // An attachment or the message was saved (or not).
    void saved(const QString &path);
    void saveFailed(const QString &error);
    void attachmentOpened(const QString &path);
    void linkActivated(const QUrl &url);

private:
    void writeFile(const QByteArray &bytes, const QString &path, bool replaceConfirmed);
    // A save dialog for `bytes`, proposing `fileName` in the Downloads folder.
    void askWhereToSave(const QString &title, const QString &fileName, const QByteArray &bytes);
    void openConfirmed(int row);
    void setHeader(QLabel *label, const QString &text);

    QByteArray m_raw; // as received: what Save Message writes
    mime::ParsedMessage m_message;
    QList<mime::ParsedPart> m_listed;
    QLabel *m_from;
    QLabel *m_to;
    QLabel *m_cc;
    QLabel *m_subject;
    QLabel *m_date;
    QFormLayout *m_headerForm;
    QFrame *m_remoteBar;
    SafeTextBrowser *m_browser;
    QWidget *m_attachmentBox;
    QListWidget *m_attachments;
    QPushButton *m_save;
    QPushButton *m_open;
    QLabel *m_saveStatus;
    QPointer<QMessageBox> m_question;
    QPointer<QMessageBox> m_openQuestion;
    AttachmentOpener m_opener;
};

// text/plain → HTML with http(s), mailto and www. links made clickable; everything escaped.
[[nodiscard]] QString plainTextToHtml(const QString &text);

} // namespace kurier::ui
