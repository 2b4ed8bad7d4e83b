#include "mail/SafeTextBrowser.h"

#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScrollBar>
#include <QTextDocument>

namespace kurier::ui {

namespace {

bool isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

} // namespace

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    // No base URL: a relative reference must not turn into a local file.
    document()->setBaseUrl(QUrl());
}

void SafeTextBrowser::setMessage(const mime::ParsedMessage &message)
{
    m_message = message;
    m_blocked.clear();
    m_fetched.clear();
    m_remoteAllowed = false;
    m_pending = 0;
    m_html.clear();
}

void SafeTextBrowser::render(const QString &html)
{
    m_html = html;
    setHtml(html);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("cid")) {
        const mime::ParsedPart *part = m_message.partByContentId(name.path());
        if (!part)
            part = m_message.partByContentId(QUrl::fromPercentEncoding(name.toString(QUrl::RemoveScheme).toUtf8()));
        if (part && type == QTextDocument::ImageResource)
            return QImage::fromData(part->data);
        return {};
    }
    if (scheme == QLatin1String("data"))
        return QTextBrowser::loadResource(type, name); // decoded in memory, no I/O
    if (isRemote(name)) {
        if (m_remoteAllowed) {
            const auto it = m_fetched.constFind(name);
            if (it != m_fetched.constEnd())
                return type == QTextDocument::ImageResource ? QVariant(QImage::fromData(*it)) : QVariant(*it);
        }
        if (!m_blocked.contains(name)) {
            m_blocked.insert(name);
            if (!m_remoteAllowed)
                emit remoteContentBlocked();
        }
        return {};
    }
    // file:, qrc:, relative names and anything else: never from mail.
    return {};
}

void SafeTextBrowser::loadRemoteContent()
{
    if (m_remoteAllowed)
        return;
    m_remoteAllowed = true;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    for (const QUrl &url : std::as_const(m_blocked)) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_network->get(request);
        ++m_pending;
        // The fetch belongs to the message shown now; a reply for an earlier one is dropped.
        const QString messageId = m_message.messageId;
        connect(reply, &QNetworkReply::finished, this, [this, reply, url, messageId] {
            reply->deleteLater();
            if (messageId != m_message.messageId || !m_remoteAllowed)
                return;
            if (reply->error() == QNetworkReply::NoError)
                m_fetched.insert(url, reply->read(20 * 1024 * 1024));
            if (--m_pending == 0)
                rerender();
        });
    }
}

void SafeTextBrowser::rerender()
{
    const int scroll = verticalScrollBar()->value();
    setHtml(m_html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace kurier::ui
