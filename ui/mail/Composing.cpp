#include "mail/Composing.h"

#include "mail/MessageListModel.h"
#include "mail/MessageListView.h"
#include "mail/MessageView.h"
#include "mime/MailtoUrl.h"
#include "mime/MessageParser.h"

#include <QComboBox>
#include <QLabel>
#include <QSet>
#include <algorithm>

namespace kurier::ui {

Composing::Composing(store::AccountManager *accounts, MessageListModel *model, MessageListView *list, MessageView *view,
                     QLabel *statusText, QWidget *window)
    : QObject(window)
    , m_accounts(accounts)
    , m_model(model)
    , m_list(list)
    , m_view(view)
    , m_statusText(statusText)
    , m_window(window)
{
}

void Composing::setFolder(const QString &accountId, store::Mailbox::Kind kind)
{
    m_accountId = accountId;
    m_kind = kind;
}

ComposerWindow *Composing::openComposer(ComposerWindow::Mode mode)
{
    auto *composer = new ComposerWindow(m_accounts, m_window);
    composer->setAttribute(Qt::WA_DeleteOnClose);
    if (mode != ComposerWindow::Mode::New && !m_view->message().from.isEmpty())
        composer->setOriginal(mode, m_view->message(), m_accountId);
    else if (const int i = composer->fromBox()->findData(m_accountId); i >= 0 && mode == ComposerWindow::Mode::New)
        composer->fromBox()->setCurrentIndex(i);
    // Completion from the addresses of the folder shown (already in memory).
    QStringList seen;
    QSet<QString> unique;
    for (int i = 0; i < m_model->matchingCount() && seen.size() < 5000; ++i) {
        const QString &from = m_model->rowAt(i).entry.from.trimmed();
        if (from.contains(u'@') && !unique.contains(from.toLower())) {
            unique.insert(from.toLower());
            seen << from;
        }
    }
    composer->setKnownAddresses(seen);
    connect(composer, &ComposerWindow::queued, this, [this](const QString &accountId) { emit queued(accountId); });
    connect(composer, &ComposerWindow::draftSaved, this, &Composing::draftSaved);
    m_lastComposer = composer;
    composer->show();
    return composer;
}

ComposerWindow *Composing::openDraft(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return nullptr;
    const QString path = m_model->filePath(row);
    const auto bytes = m_model->messageData(row);
    if (!bytes)
        return nullptr;
    const mime::ParsedMessage draft = mime::MessageParser::parse(*bytes);
    ComposerWindow *c = openComposer(ComposerWindow::Mode::New);
    c->loadDraft(draft, m_accountId, path);
    connect(c, &QObject::destroyed, this, [this] {
        if (m_kind == store::Mailbox::Kind::Drafts)
            m_model->refresh(); // the draft that was continued went to the Outbox or was saved anew
    });
    return c;
}

ComposerWindow *Composing::compose()
{
    ComposerWindow *c = openComposer(ComposerWindow::Mode::New);
    if (c->fromBox()->currentIndex() >= 0 && m_accountId.isEmpty())
        c->fromBox()->setCurrentIndex(0); // the default account comes first
    return c;
}

ComposerWindow *Composing::composeMailto(const QString &url)
{
    const auto mailto = mime::MailtoUrl::parse(url);
    if (!mailto)
        return nullptr;
    ComposerWindow *c = compose();
    c->setDraft(mailto->toDraft());
    c->raise();
    c->activateWindow();
    return c;
}

ComposerWindow *Composing::reply()
{
    return openComposer(ComposerWindow::Mode::Reply);
}

ComposerWindow *Composing::replyAll()
{
    return openComposer(ComposerWindow::Mode::ReplyAll);
}

ComposerWindow *Composing::forward()
{
    return openComposer(ComposerWindow::Mode::Forward);
}

ComposerWindow *Composing::forwardAsAttachment()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid() || m_view->message().from.isEmpty())
        return nullptr;
    QString error;
    const auto bytes = m_model->messageData(current.row(), &error);
    if (!bytes) {
        m_statusText->setText(tr("The message cannot be read: %1").arg(error));
        return nullptr;
    }
    ComposerWindow *c = openComposer(ComposerWindow::Mode::New);
    c->setForwardAsAttachment(m_view->message(), *bytes, m_accountId);
    // Several selected: the others go along, in list order (as Thunderbird does).
    QList<int> others = m_list->selectedRows();
    std::reverse(others.begin(), others.end());
    for (const int row : std::as_const(others)) {
        if (row == current.row())
            continue;
        if (const auto other = m_model->messageData(row, &error))
            c->addForwardedMessage(m_model->rowAt(row).entry.subject, *other);
        else
            m_statusText->setText(tr("The message cannot be read: %1").arg(error));
    }
    return c;
}

} // namespace kurier::ui
