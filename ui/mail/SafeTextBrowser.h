#pragma once

#include "mime/ParsedMessage.h"

#include <QHash>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

class QNetworkAccessManager;

namespace kurier::ui {

// A QTextBrowser for mail: resources come only from the message itself (cid: parts) and data:
// URLs. Everything else — http(s), file:, relative paths that would read local files — is
// blocked and remembered, so the view can offer to load the remote images of this message.
// Nothing is fetched from the network until loadRemoteContent(); only then is a network access
// manager created. QTextBrowser runs no scripts; links are not followed inside the view.
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    // The message whose inline parts the HTML may show; resets the remote state.
    void setMessage(const mime::ParsedMessage &message);
    // Shows this HTML (the message's own, or its text turned into HTML).
    void render(const QString &html);
    [[nodiscard]] QSet<QUrl> blockedUrls() const { return m_blocked; }
    [[nodiscard]] bool remoteContentAllowed() const { return m_remoteAllowed; }
    // Fetches the blocked http(s) images of this message and shows them.
    void loadRemoteContent();

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    // The document refers to remote content that was not loaded.
    void remoteContentBlocked();

private:
    void rerender();

    mime::ParsedMessage m_message;
    QString m_html;
    QSet<QUrl> m_blocked;
    QHash<QUrl, QByteArray> m_fetched;
    bool m_remoteAllowed = false;
    int m_pending = 0;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace kurier::ui
