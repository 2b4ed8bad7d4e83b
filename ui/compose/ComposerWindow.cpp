#include "compose/ComposerWindow.h"

#include "common/FormStyle.h"
#include "store/Mailbox.h"
#include "common/Question.h"
#include "mail/SafeFileName.h"
#include "common/WindowState.h"
#include "mime/MessageBuilder.h"
#include "mime/ReplyRules.h"
#include "mime/RawMessage.h"
#include "store/AccountManager.h"

#include <QCloseEvent>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QStringListModel>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QDir>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace kurier::ui {

namespace {

// What an answer quotes: the text body, or the HTML one as text when there is no text.
QString plainTextOf(const mime::ParsedMessage &m)
{
    if (!m.text.isEmpty() || m.html.isEmpty())
        return m.text;
    QTextDocument doc;
    doc.setHtml(m.html); // no resources are loaded for toPlainText
    return doc.toPlainText();
}

} // namespace

ComposerWindow::ComposerWindow(store::AccountManager *accounts, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_accounts(accounts)
    , m_from(new QComboBox)
    , m_to(new QLineEdit)
    , m_cc(new QLineEdit)
    , m_bcc(new QLineEdit)
    , m_subject(new QLineEdit)
    , m_body(new QPlainTextEdit)
    , m_attachmentList(new QListWidget)
    , m_problem(new QLabel)
    , m_send(new QPushButton(tr("&Send")))
    , m_autosaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("composer"));
    setWindowTitle(tr("New Message"));
    setAcceptDrops(true);

    m_from->setObjectName(QStringLiteral("composerFrom"));
    QList<store::Account> list = accounts->accounts();
    std::stable_sort(list.begin(), list.end(), [](const store::Account &a, const store::Account &b) { return a.isDefault && !b.isDefault; });
    for (const store::Account &a : std::as_const(list)) {
        const QString sender = a.senderName.isEmpty() ? a.email : QStringLiteral("%1 <%2>").arg(a.senderName, a.email);
        m_from->addItem(QStringLiteral("%1 · %2").arg(a.prefix, sender), a.id);
    }
    m_to->setObjectName(QStringLiteral("composerTo"));
    m_cc->setObjectName(QStringLiteral("composerCc"));
    m_bcc->setObjectName(QStringLiteral("composerBcc"));
    m_subject->setObjectName(QStringLiteral("composerSubject"));
    m_body->setObjectName(QStringLiteral("composerBody"));
    m_attachmentList->setObjectName(QStringLiteral("composerAttachments"));
    m_problem->setObjectName(QStringLiteral("composerProblem"));
    m_send->setObjectName(QStringLiteral("composerSend"));
    const QString hint = tr("Name <address@example.com>, more addresses separated by commas");
    for (QLineEdit *e : {m_to, m_cc, m_bcc}) {
        e->setPlaceholderText(hint);
        connect(e, &QLineEdit::editingFinished, this, [this, e] { checkField(e); });
        // A field marked wrong is checked again as it is corrected.
        connect(e, &QLineEdit::textChanged, this, [this, e] {
            if (!e->styleSheet().isEmpty())
                checkField(e);
        });
    }
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    setMessageStyle(m_problem, MessageKind::Error);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("&Cc:"), m_cc);
    form->addRow(tr("&Bcc:"), m_bcc);
    form->addRow(tr("S&ubject:"), m_subject);

    m_attachmentList->setMaximumHeight(80);
    auto *add = new QPushButton(tr("&Attach…"));
    add->setObjectName(QStringLiteral("composerAttach"));
    connect(add, &QPushButton::clicked, this, &ComposerWindow::chooseAttachments);
    auto *remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("composerRemoveAttachment"));
    connect(remove, &QPushButton::clicked, this, &ComposerWindow::removeSelectedAttachment);
    auto *attachButtons = new QVBoxLayout;
    attachButtons->addWidget(add);
    attachButtons->addWidget(remove);
    attachButtons->addStretch();
    auto *attachRow = new QHBoxLayout;
    attachRow->addWidget(m_attachmentList, 1);
    attachRow->addLayout(attachButtons);

    auto *saveDraftButton = new QPushButton(tr("Save as &Draft"));
    saveDraftButton->setObjectName(QStringLiteral("composerSaveDraft"));
    connect(saveDraftButton, &QPushButton::clicked, this, &ComposerWindow::saveDraft);
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &ComposerWindow::send);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(saveDraftButton);
    buttons->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);
    layout->addWidget(new QLabel(tr("Attachments:")));
    layout->addLayout(attachRow);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    refreshAttachmentList();
    connect(m_from, &QComboBox::currentIndexChanged, this, &ComposerWindow::applySignature);
    applySignature();
    m_body->moveCursor(QTextCursor::Start);

    // Autosave: what is being written survives a crash or a power cut, as a draft (the
    // prefilled reply or signature alone is not "written"; prefills come after this point).
    m_autosaveTimer->setObjectName(QStringLiteral("autosaveTimer"));
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &ComposerWindow::autosave);
    m_autosaveTimer->start();
    const auto changed = [this] { m_changedSinceSave = true; };
    for (QLineEdit *e : {m_to, m_cc, m_bcc, m_subject})
        connect(e, &QLineEdit::textEdited, this, changed);
    // Typed, not prefilled: setPlainText (prefills, signatures) leaves the document unmodified.
    connect(m_body->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (modified && !m_swappingSignature)
            m_changedSinceSave = true;
    });
    resize(720, 560);
    restoreGeometry(WindowState::loadComposerGeometry(WindowState::pathBeside(m_accounts->settingsFilePath())));
}

QString ComposerWindow::checkAddresses(const QString &text, QList<mime::MailAddress> *addresses)
{
    addresses->clear();
    if (text.trimmed().isEmpty())
        return {};
    // A single address per comma-separated piece (commas inside quotes belong to the name).
    QStringList pieces;
    QString current;
    bool inQuotes = false;
    for (const QChar c : text) {
        if (c == u'"')
            inQuotes = !inQuotes;
        if (c == u',' && !inQuotes) {
            pieces << current;
            current.clear();
        } else {
            current += c;
        }
    }
    pieces << current;
    static const QRegularExpression valid(QStringLiteral(R"(^[^@\s<>(),;:"\[\]]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$)"));
    for (const QString &piece : std::as_const(pieces)) {
        if (piece.trimmed().isEmpty())
            continue;
        const QList<mime::MailAddress> parsed = mime::RawMessage::parseAddressList(piece);
        if (parsed.size() != 1 || !valid.match(parsed.first().address).hasMatch())
            return tr("\"%1\" is not a valid e-mail address.").arg(piece.trimmed());
        addresses->append(parsed.first());
    }
    return {};
}

void ComposerWindow::checkField(QLineEdit *edit)
{
    QList<mime::MailAddress> ignored;
    const QString problem = checkAddresses(edit->text(), &ignored);
    edit->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b3261e; }"));
    edit->setToolTip(problem);
}

void ComposerWindow::showProblem(QWidget *field, const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
    if (field)
        field->setFocus();
}

mime::Draft ComposerWindow::draft() const
{
    mime::Draft d;
    if (const auto account = m_accounts->findById(m_from->currentData().toString()))
        d.from = {account->senderName, account->email};
    QList<mime::MailAddress> list;
    (void)checkAddresses(m_to->text(), &list);
    d.to = list;
    (void)checkAddresses(m_cc->text(), &list);
    d.cc = list;
    (void)checkAddresses(m_bcc->text(), &list);
    d.bcc = list;
    d.subject = m_subject->text();
    d.text = m_body->toPlainText();
    d.attachments = m_attachments;
    d.inReplyTo = m_inReplyTo;
    d.references = m_references;
    return d;
}

bool ComposerWindow::validate()
{
    m_problem->hide();
    if (m_from->currentIndex() < 0 || !m_accounts->findById(m_from->currentData().toString())) {
        showProblem(m_from, tr("Choose the account to send from."));
        return false;
    }
    int count = 0;
    for (QLineEdit *e : {m_to, m_cc, m_bcc}) {
        QList<mime::MailAddress> list;
        const QString problem = checkAddresses(e->text(), &list);
        checkField(e);
        if (!problem.isEmpty()) {
            showProblem(e, problem);
            return false;
        }
        count += int(list.size());
    }
    if (count == 0) {
        showProblem(m_to, tr("Enter at least one recipient."));
        return false;
    }
    return true;
}

bool ComposerWindow::send()
{
    if (!validate())
        return false;
    const auto account = m_accounts->findById(m_from->currentData().toString());
    if (account->smtp.host.isEmpty()) {
        showProblem(m_from, tr("The account %1 has no SMTP server.").arg(account->prefix));
        return false;
    }
    QString error;
    const std::optional<QString> id = store::Mailbox::queue(*account, draft(), &error);
    if (!id) {
        showProblem(nullptr, error);
        return false;
    }
    discardLoadedDraft(); // it is in the Outbox now
    removeAutosave();
    emit queued(account->id, *id);
    m_closeConfirmed = true;
    close();
    return true;
}

std::optional<QString> ComposerWindow::writeDraft(const store::Account &account, QString *error) const
{
    mime::Draft kept = draft();
    kept.keepBccHeader = true; // a local draft only; sending builds it again without
    const mime::MessageBuilder::Result built = mime::MessageBuilder::build(kept);
    if (!built.ok()) {
        *error = built.error;
        return std::nullopt;
    }
    return store::Mailbox::saveDraft(account, built.data, error);
}

bool ComposerWindow::saveDraft()
{
    m_problem->hide();
    const auto account = m_accounts->findById(m_from->currentData().toString());
    if (!account) {
        showProblem(m_from, tr("Choose the account to send from."));
        return false;
    }
    QString error;
    if (!writeDraft(*account, &error)) {
        showProblem(nullptr, tr("The draft could not be saved: %1").arg(error));
        return false;
    }
    discardLoadedDraft(); // replaced by the one just saved
    removeAutosave();
    emit draftSaved(account->id);
    m_closeConfirmed = true;
    close();
    return true;
}

void ComposerWindow::setKnownAddresses(const QStringList &addresses)
{
    auto *model = new QStringListModel(addresses, this);
    for (QLineEdit *e : {m_to, m_cc, m_bcc}) {
        auto *c = new QCompleter(model, e);
        c->setObjectName(QStringLiteral("addressCompleter"));
        c->setCaseSensitivity(Qt::CaseInsensitive);
        c->setFilterMode(Qt::MatchContains);
        c->setCompletionMode(QCompleter::PopupCompletion);
        c->setWidget(e);
        // Only the address under the cursor (after the last comma) is completed.
        connect(e, &QLineEdit::textEdited, c, [c, e] {
            const QString current = e->text().left(e->cursorPosition()).section(u',', -1).trimmed();
            if (current.size() < 2) {
                c->popup()->hide();
                return;
            }
            c->setCompletionPrefix(current);
            c->complete();
        });
        connect(c, qOverload<const QString &>(&QCompleter::activated), e, [e](const QString &chosen) {
            const QString before = e->text().left(e->cursorPosition());
            const QString after = e->text().mid(e->cursorPosition());
            const qsizetype comma = before.lastIndexOf(u',');
            const QString head = comma >= 0 ? before.left(comma + 1) + u' ' : QString();
            const qsizetype nextComma = after.indexOf(u',');
            const QString tail = nextComma >= 0 ? after.mid(nextComma) : QString();
            e->setText(head + chosen + (tail.isEmpty() ? QStringLiteral(", ") : tail));
            e->setCursorPosition(int(head.size() + chosen.size() + 2));
        });
    }
}

QCompleter *ComposerWindow::completer(QLineEdit *field) const
{
    return field->findChild<QCompleter *>(QStringLiteral("addressCompleter"));
}

void ComposerWindow::loadDraft(const mime::ParsedMessage &draft, const QString &accountId, const QString &draftFile)
{
    const int index = m_from->findData(accountId);
    if (index >= 0)
        m_from->setCurrentIndex(index);
    m_to->setText(mime::ReplyRules::addressList(draft.to));
    m_cc->setText(mime::ReplyRules::addressList(draft.cc));
    m_bcc->setText(mime::ReplyRules::addressList(draft.bcc));
    m_subject->setText(draft.subject);
    m_body->setPlainText(draft.text);
    // The draft holds the signature as text; if it is still the account's, From swaps it.
    m_quotedPart.clear();
    m_signatureBlock = signatureBlockFor(accountId);
    if (!draft.text.contains(m_signatureBlock))
        m_signatureBlock.clear();
    for (const mime::ParsedPart &p : draft.attachments)
        addAttachment({p.fileName, p.data, p.mimeType, {}});
    m_inReplyTo = draft.inReplyTo;
    m_references = draft.references;
    m_draftFile = draftFile;
    m_draftAccount = accountId;
    setWindowTitle(tr("Draft: %1").arg(draft.subject));
}

void ComposerWindow::setRecipients(const QString &to)
{
    m_to->setText(to);
}

void ComposerWindow::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->setInterval(milliseconds);
}

void ComposerWindow::autosave()
{
    if (!m_changedSinceSave)
        return;
    const auto account = m_accounts->findById(m_from->currentData().toString());
    if (!account)
        return;
    QString error;
    const auto written = writeDraft(*account, &error);
    if (!written) {
        // Said where the user looks, without taking the focus; tried again at the next change.
        showProblem(nullptr, tr("The message could not be saved in Drafts automatically: %1").arg(error));
        m_autosaveFailed = true;
        return;
    }
    if (m_autosaveFailed) // said before; it worked now
        m_problem->hide();
    m_autosaveFailed = false;
    removeAutosave(); // the one before
    m_autosaveFile = *written;
    m_autosaveAccount = account->id;
    m_changedSinceSave = false;
    m_body->document()->setModified(false); // so that the next keystroke counts again
    emit draftSaved(account->id);
}

void ComposerWindow::discardLoadedDraft()
{
    if (const auto account = m_accounts->findById(m_draftAccount); account && !m_draftFile.isEmpty())
        store::Mailbox::discardDraft(*account, m_draftFile);
}

void ComposerWindow::removeAutosave()
{
    if (const auto account = m_accounts->findById(m_autosaveAccount); account && !m_autosaveFile.isEmpty())
        store::Mailbox::discardDraft(*account, m_autosaveFile);
    m_autosaveFile.clear();
}

void ComposerWindow::setBodyText(const QString &text)
{
    m_quotedPart.clear();
    m_body->setPlainText(text + m_signatureBlock);
    m_body->moveCursor(QTextCursor::Start);
}

QString ComposerWindow::asEditorText(QString text)
{
    text.replace(QChar::Nbsp, u' ');
    text.replace(QChar::LineSeparator, u'\n');
    text.replace(QChar::ParagraphSeparator, u'\n');
    return text;
}

QString ComposerWindow::signatureBlockFor(const QString &accountId) const
{
    const auto account = m_accounts->findById(accountId);
    if (!account)
        return {};
    // As the editor will show it (toPlainText() turns no-break spaces and Unicode line
    // separators into plain ones), so that it is found there again.
    return asEditorText(mime::ReplyRules::signatureBlock(account->signature));
}

void ComposerWindow::applySignature()
{
    const QString block = signatureBlockFor(m_from->currentData().toString());
    if (block == m_signatureBlock)
        return;
    const QString text = m_body->toPlainText();
    if (text.isEmpty()) { // a new message: the signature is where it starts, not an edit
        m_body->setPlainText(block);
        m_signatureBlock = block;
        return;
    }
    const auto range = mime::ReplyRules::signatureRange(text, m_quotedPart, m_signatureBlock);
    if (!range)
        return; // the user changed it: it is their text now
    const qsizetype at = range->at;
    const qsizetype length = range->length;
    // An edit of the document (plain text: one position per UTF-16 unit, as in QString), so the
    // user's cursor stays where it was and Undo takes the swap back.
    QTextCursor user = m_body->textCursor();
    const int userPosition = user.position();
    QTextCursor edit(m_body->document());
    edit.setPosition(int(at));
    edit.setPosition(int(at + length), QTextCursor::KeepAnchor);
    // Not typing: a prefill choosing the account, or the user choosing another From, is no
    // reason for an autosave by itself.
    const bool wasModified = m_body->document()->isModified();
    m_swappingSignature = true;
    edit.insertText(block);
    m_body->document()->setModified(wasModified);
    m_swappingSignature = false;
    m_signatureBlock = block;
    if (userPosition <= at) { // right before the signature it would be pushed behind it
        user.setPosition(userPosition);
        m_body->setTextCursor(user);
    }
}

void ComposerWindow::setOriginal(Mode mode, const mime::ParsedMessage &original, const QString &accountId)
{
    const int index = m_from->findData(accountId);
    if (index >= 0)
        m_from->setCurrentIndex(index);
    const auto account = m_accounts->findById(accountId);
    using Rules = mime::ReplyRules;
    const Rules::Mode rule = mode == Mode::Forward ? Rules::Mode::Forward
        : mode == Mode::ReplyAll                   ? Rules::Mode::ReplyAll
                                                   : Rules::Mode::Reply;
    QString below;
    const mime::Draft answer = Rules::answer(rule, original, account ? account->email : QString(), plainTextOf(original), &below);
    // The answer goes on top, then the signature, then what is answered or forwarded.
    setDraft(answer);
    m_signatureBlock = signatureBlockFor(accountId);
    m_quotedPart = asEditorText(below);
    m_body->setPlainText(m_signatureBlock + m_quotedPart);
    m_body->moveCursor(QTextCursor::Start);
    setWindowTitle(mode == Mode::Forward ? tr("Forward: %1").arg(original.subject) : tr("Reply: %1").arg(original.subject));
}

void ComposerWindow::setDraft(const mime::Draft &draft)
{
    m_to->setText(mime::ReplyRules::addressList(draft.to));
    m_cc->setText(mime::ReplyRules::addressList(draft.cc));
    m_bcc->setText(mime::ReplyRules::addressList(draft.bcc));
    m_subject->setText(draft.subject);
    for (const mime::DraftAttachment &a : draft.attachments)
        addAttachment(a);
    m_inReplyTo = draft.inReplyTo;
    m_references = draft.references;
    setBodyText(draft.text);
}

void ComposerWindow::setForwardAsAttachment(const mime::ParsedMessage &original, const QByteArray &raw, const QString &accountId)
{
    const int index = m_from->findData(accountId);
    if (index >= 0)
        m_from->setCurrentIndex(index);
    const QString subject = original.subject;
    m_subject->setText(mime::ReplyRules::forwardSubject(subject));
    addForwardedMessage(subject, raw);
    setWindowTitle(tr("Forward: %1").arg(subject));
    m_body->moveCursor(QTextCursor::Start);
}

void ComposerWindow::addForwardedMessage(const QString &subject, const QByteArray &raw)
{
    // The original whole and unchanged (headers, HTML, attachments), as message/rfc822.
    const QString name = (subject.trimmed().isEmpty() ? tr("Forwarded message") : subject.trimmed()) + QStringLiteral(".eml");
    addAttachment({safeFileName(name), raw, QStringLiteral("message/rfc822"), {}});
}

void ComposerWindow::addAttachment(const mime::DraftAttachment &attachment)
{
    m_attachments.append(attachment);
    refreshAttachmentList();
}

void ComposerWindow::addAttachmentFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        showProblem(nullptr, tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return;
    }
    addAttachment({QFileInfo(path).fileName(), f.readAll(), {}, {}});
    m_changedSinceSave = true;
}

void ComposerWindow::refreshAttachmentList()
{
    m_attachmentList->clear();
    for (const mime::DraftAttachment &a : std::as_const(m_attachments))
        m_attachmentList->addItem(QStringLiteral("%1  (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size(), 1)));
}

void ComposerWindow::chooseAttachments()
{
    auto *dialog = new QFileDialog(this, tr("Attach Files"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &f : files)
            addAttachmentFile(f);
    });
    dialog->open();
}

void ComposerWindow::removeSelectedAttachment()
{
    const int row = m_attachmentList->currentRow();
    if (row < 0 || row >= m_attachments.size())
        return;
    m_attachments.removeAt(row);
    m_changedSinceSave = true;
    refreshAttachmentList();
}

void ComposerWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ComposerWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            addAttachmentFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void ComposerWindow::closeEvent(QCloseEvent *event)
{
    // The signature alone is nothing written.
    QString body = m_body->toPlainText();
    if (!m_signatureBlock.isEmpty())
        body.remove(m_signatureBlock);
    const bool dirty = !body.trimmed().isEmpty() || !m_subject->text().isEmpty() || !m_attachments.isEmpty();
    if (m_closeConfirmed || !dirty) {
        // Sent, saved, discarded or empty: the automatic copy has served its purpose.
        removeAutosave();
        m_autosaveTimer->stop();
        WindowState::saveComposerGeometry(WindowState::pathBeside(m_accounts->settingsFilePath()), saveGeometry());
        event->accept();
        return;
    }
    event->ignore();
    if (m_discard) {
        m_discard->raise();
        return;
    }
    const Question q = askFirst(this, QMessageBox::Question, tr("Discard Message?"),
                                tr("This message has not been sent or saved. Discard it?"), tr("&Discard"));
    m_discard = q.box;
    m_discard->setObjectName(QStringLiteral("discardQuestion"));
    QPushButton *discard = q.confirm;
    discard->setObjectName(QStringLiteral("discardButton"));
    connect(m_discard, &QMessageBox::buttonClicked, this, [this, discard](QAbstractButton *button) {
        if (button == discard) {
            m_closeConfirmed = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        }
    });
    m_discard->open();
}

} // namespace kurier::ui
