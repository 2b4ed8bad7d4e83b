#pragma once

#include <QSslError>
#include <QString>

namespace kurier::net {

// QSslError::errorString() in the user's language. Qt's own texts are English unless Qt's
// translations happen to be installed and loaded, yet they are what the certificate dialog
// and the connection test show the user. The English texts are Qt's, word for word.
[[nodiscard]] QString sslErrorText(const QSslError &error);

} // namespace kurier::net
