#include "mail/MessageView.h"

#include "common/FormStyle.h"
#include "common/Question.h"
#include "mail/SafeFileName.h"
#include "mail/SafeTextBrowser.h"
#include "mime/MessageParser.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace kurier::ui {

namespace {

QString addressList(const QList<mime::MailAddress> &list)
{
    QStringList parts;
    for (const mime::MailAddress &a : list) {
        // "Desk, Front" stays one name to the eye.
        parts << (a.name.contains(u',') ? QStringLiteral("\"%1\" <%2>").arg(a.name, a.address) : a.toDisplayString());
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString plainTextToHtml(const QString &text)
{
    static const QRegularExpression link(QStringLiteral(R"((?:https?://|mailto:|www\.)[^\s<>"']+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString html = QStringLiteral("<pre style=\"white-space: pre-wrap; font-family: monospace;\">");
    qsizetype pos = 0;
    auto it = link.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString url = m.captured(0);
        // Trailing punctuation belongs to the sentence, not the address.
        qsizetype end = m.capturedEnd();
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]").contains(url.back())) {
            url.chop(1);
            --end;
        }
        html += text.mid(pos, m.capturedStart() - pos).toHtmlEscaped();
        const QString href = url.startsWith(QLatin1String("www."), Qt::CaseInsensitive) ? QStringLiteral("https://") + url : url;
        html += QStringLiteral("<a href=\"%1\">%2</a>").arg(href.toHtmlEscaped(), url.toHtmlEscaped());
        pos = end;
    }
    html += text.mid(pos).toHtmlEscaped();
    html += QStringLiteral("</pre>");
    return html;
}

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_from(new QLabel)
    , m_to(new QLabel)
    , m_cc(new QLabel)
    , m_subject(new QLabel)
    , m_date(new QLabel)
    , m_headerForm(new QFormLayout)
    , m_remoteBar(new QFrame)
    , m_browser(new SafeTextBrowser)
    , m_attachmentBox(new QWidget)
    , m_attachments(new QListWidget)
    , m_save(new QPushButton(tr("&Save…")))
    , m_open(new QPushButton(tr("O&pen")))
    , m_saveStatus(new QLabel)
{
    setObjectName(QStringLiteral("messageView"));
    for (QLabel *l : {m_from, m_to, m_cc, m_subject, m_date}) {
        l->setTextFormat(Qt::PlainText); // a sender's name is never markup
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
    }
    m_from->setObjectName(QStringLiteral("headerFrom"));
    m_to->setObjectName(QStringLiteral("headerTo"));
    m_cc->setObjectName(QStringLiteral("headerCc"));
    m_subject->setObjectName(QStringLiteral("headerSubject"));
    m_date->setObjectName(QStringLiteral("headerDate"));
    QFont bold = m_subject->font();
    bold.setBold(true);
    m_subject->setFont(bold);
    m_headerForm->addRow(tr("From:"), m_from);
    m_headerForm->addRow(tr("To:"), m_to);
    m_headerForm->addRow(tr("Cc:"), m_cc);
    m_headerForm->addRow(tr("Subject:"), m_subject);
    m_headerForm->addRow(tr("Date:"), m_date);
    m_headerForm->setLabelAlignment(Qt::AlignRight);
    m_headerForm->setContentsMargins(6, 4, 6, 4);

    // The bar offering remote content for this message only.
    m_remoteBar->setObjectName(QStringLiteral("remoteContentBar"));
    m_remoteBar->setFrameShape(QFrame::StyledPanel);
    m_remoteBar->setStyleSheet(QStringLiteral("#remoteContentBar { background: #fff4ce; border: 1px solid #e0c060; }"
                                              "#remoteContentBar QLabel { color: #4a3b00; }"));
    auto *barLayout = new QHBoxLayout(m_remoteBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    auto *barText = new QLabel(tr("Remote content in this message was blocked to protect your privacy."));
    barText->setWordWrap(true);
    auto *loadButton = new QPushButton(tr("&Load remote content"));
    loadButton->setObjectName(QStringLiteral("loadRemoteContent"));
    connect(loadButton, &QPushButton::clicked, this, &MessageView::loadRemoteContent);
    barLayout->addWidget(barText, 1);
    barLayout->addWidget(loadButton);
    m_remoteBar->hide();

    m_browser->setObjectName(QStringLiteral("messageBody"));
    connect(m_browser, &SafeTextBrowser::remoteContentBlocked, m_remoteBar, &QWidget::show);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto"))
            emit linkActivated(url);
    });

    m_attachments->setObjectName(QStringLiteral("attachmentList"));
    m_attachments->setMaximumHeight(90);
    m_save->setObjectName(QStringLiteral("saveAttachment"));
    connect(m_save, &QPushButton::clicked, this, &MessageView::saveSelectedAttachment);
    connect(m_attachments, &QListWidget::itemActivated, this, &MessageView::saveSelectedAttachment);
    m_open->setObjectName(QStringLiteral("openAttachment"));
    connect(m_open, &QPushButton::clicked, this, &MessageView::openSelectedAttachment);
    m_saveStatus->setObjectName(QStringLiteral("saveStatus"));
    m_saveStatus->setTextFormat(Qt::PlainText);
    m_saveStatus->setWordWrap(true);
    auto *attachmentLayout = new QVBoxLayout(m_attachmentBox);
    attachmentLayout->setContentsMargins(0, 0, 0, 0);
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_attachments, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addStretch();
    attachmentRow->addLayout(buttons);
    attachmentLayout->addWidget(new QLabel(tr("Attachments:")));
    attachmentLayout->addLayout(attachmentRow);
    attachmentLayout->addWidget(m_saveStatus);
    m_attachmentBox->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_headerForm);
    layout->addWidget(m_remoteBar);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_attachmentBox);
    clear();
}

void MessageView::setHeader(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (QWidget *l = m_headerForm->labelForField(label))
        l->setVisible(!text.isEmpty());
}

void MessageView::clear()
{
    m_raw.clear();
    m_message = {};
    m_listed.clear();
    for (QLabel *l : {m_from, m_to, m_cc, m_subject, m_date})
        setHeader(l, {});
    m_browser->setMessage({});
    m_browser->render({});
    m_remoteBar->hide();
    m_attachments->clear();
    m_attachmentBox->hide();
    m_saveStatus->clear();
}

void MessageView::showMessage(const QByteArray &raw)
{
    clear();
    m_raw = raw;
    m_message = mime::MessageParser::parse(raw);
    setHeader(m_from, m_message.from.toDisplayString());
    setHeader(m_to, addressList(m_message.to));
    setHeader(m_cc, addressList(m_message.cc));
    setHeader(m_subject, m_message.subject.isEmpty() ? tr("(no subject)") : m_message.subject);
    setHeader(m_date, m_message.date.isValid() ? QLocale().toString(m_message.date.toLocalTime(), QLocale::LongFormat) : QString());

    m_browser->setMessage(m_message);
    if (!m_message.ok() && m_message.html.isEmpty() && m_message.text.isEmpty())
        m_browser->render(plainTextToHtml(tr("This message could not be read: %1").arg(m_message.error)));
    else if (!m_message.html.isEmpty())
        m_browser->render(m_message.html);
    else
        m_browser->render(plainTextToHtml(m_message.text));

    for (const mime::ParsedPart &part : std::as_const(m_message.attachments)) {
        // Inline parts the HTML shows are part of the body, not attachments.
        if (part.isInline && !part.contentId.isEmpty() && !m_message.html.isEmpty()
            && m_message.html.contains(QStringLiteral("cid:") + part.contentId))
            continue;
        m_listed.append(part);
        // The list shows the name Save and Open will use; the sender's own name, which may hide
        // a path ("../../x.pdf") or direction marks, is only quoted in the tooltip.
        const QString name = part.fileName.isEmpty() ? tr("(unnamed %1)").arg(part.mimeType) : safeFileName(part.fileName);
        auto *item = new QListWidgetItem(QStringLiteral("%1  (%2)").arg(name, QLocale().formattedDataSize(part.data.size(), 1)),
                                         m_attachments);
        QString tip = part.mimeType;
        if (!part.fileName.isEmpty() && name != part.fileName)
            tip += u'\n' + tr("The sender named it: %1").arg(visibleText(part.fileName));
        item->setToolTip(tip);
    }
    if (!m_listed.isEmpty()) {
        m_attachments->setCurrentRow(0);
        m_attachmentBox->show();
    }
}

void MessageView::loadRemoteContent()
{
    m_remoteBar->hide();
    m_browser->loadRemoteContent();
}

void MessageView::saveSelectedAttachment()
{
    const int row = m_attachments->currentRow();
    if (row < 0 || row >= m_listed.size())
        return;
    askWhereToSave(tr("Save Attachment"), safeFileName(m_listed[row].fileName), m_listed[row].data);
}

QString MessageView::messageFileName() const
{
    // A subject is not a path: "Q3/Q4" keeps both halves instead of being cut to its last part.
    QString subject = m_message.subject.trimmed(); // safeFileName keeps the name within 200 bytes
    subject.replace(u'/', u'-').replace(u'\\', u'-');
    return safeFileName((subject.isEmpty() ? tr("message") : subject) + QStringLiteral(".eml"));
}

void MessageView::saveMessage()
{
    if (!m_raw.isEmpty())
        askWhereToSave(tr("Save Message"), messageFileName(), m_raw);
}

void MessageView::askWhereToSave(const QString &title, const QString &fileName, const QByteArray &bytes)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    auto *dialog = new QFileDialog(this, title, dir + u'/' + fileName);
    dialog->setObjectName(QStringLiteral("saveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    // We ask ourselves (writeFile), the same way for the dialog and for tests.
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, bytes](const QString &path) { writeFile(bytes, path, false); });
    dialog->open();
}

void MessageView::saveAttachmentTo(int row, const QString &directory)
{
    if (row < 0 || row >= m_listed.size())
        return;
    writeFile(m_listed[row].data, QDir(directory).filePath(safeFileName(m_listed[row].fileName)), false);
}

void MessageView::saveMessageTo(const QString &directory)
{
    if (!m_raw.isEmpty())
        writeFile(m_raw, QDir(directory).filePath(messageFileName()), false);
}

void MessageView::writeFile(const QByteArray &bytes, const QString &path, bool replaceConfirmed)
{
    if (!replaceConfirmed && QFileInfo::exists(path)) {
        if (m_question)
            m_question->close();
        const Question q = askFirst(this, QMessageBox::Question, tr("Replace File?"),
                                    tr("\"%1\" already exists. Replace it?").arg(QFileInfo(path).fileName()),
                                    tr("&Replace"), QMessageBox::AcceptRole);
        m_question = q.box;
        m_question->setObjectName(QStringLiteral("overwriteQuestion"));
        QPushButton *replace = q.confirm;
        replace->setObjectName(QStringLiteral("replaceButton"));
        connect(m_question, &QMessageBox::buttonClicked, this, [this, bytes, path, replace](QAbstractButton *button) {
            if (button == replace)
                writeFile(bytes, path, true);
        });
        m_question->open();
        return;
    }
    QSaveFile file(path);
    QString error;
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        error = file.errorString();
    if (!error.isEmpty()) {
        setMessageStyle(m_saveStatus, MessageKind::Error);
        m_saveStatus->setText(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        emit saveFailed(m_saveStatus->text());
        return;
    }
    m_saveStatus->setStyleSheet({});
    m_saveStatus->setText(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
    emit saved(path);
}

void MessageView::openSelectedAttachment()
{
    openAttachment(m_attachments->currentRow());
}

void MessageView::openAttachment(int row)
{
    if (row < 0 || row >= m_listed.size())
        return;
    const mime::ParsedPart &part = m_listed[row];
    if (!AttachmentOpener::looksExecutable(part.fileName, part.data)) {
        openConfirmed(row);
        return;
    }
    if (m_openQuestion)
        m_openQuestion->close();
    const Question q = askFirst(this, QMessageBox::Warning, tr("Open Program?"),
                                tr("\"%1\" is a program or script. Opening it may run it on this computer. "
                                   "Open it only if you trust the sender and expected this file.")
                                    .arg(safeFileName(part.fileName)),
                                tr("Open &Anyway"), QMessageBox::AcceptRole);
    m_openQuestion = q.box;
    m_openQuestion->setObjectName(QStringLiteral("openQuestion"));
    QPushButton *open = q.confirm;
    open->setObjectName(QStringLiteral("confirmOpen"));
    // The row may stand for another message by the time the user answers: keep the part.
    const QString fileName = part.fileName;
    connect(m_openQuestion, &QMessageBox::buttonClicked, this, [this, open, row, fileName](QAbstractButton *button) {
        if (button == open && row < m_listed.size() && m_listed[row].fileName == fileName)
            openConfirmed(row);
    });
    m_openQuestion->open();
}

void MessageView::openConfirmed(int row)
{
    QString error;
    const QString path = m_opener.writeCopy(m_listed[row].fileName, m_listed[row].data, &error);
    if (path.isEmpty()) {
        setMessageStyle(m_saveStatus, MessageKind::Error);
        m_saveStatus->setText(tr("Could not open the attachment: %1").arg(error));
        return;
    }
    m_saveStatus->setStyleSheet({});
    m_saveStatus->clear();
    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    emit attachmentOpened(path);
}

} // namespace kurier::ui
