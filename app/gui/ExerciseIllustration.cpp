#include "ExerciseIllustration.h"

#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

namespace backscreen::app {

QPixmap ExerciseIllustration::pixmap(const std::filesystem::path& svg, QSize size)
{
    static QHash<QString, QPixmap> cache;
    const QString file = QString::fromStdString(svg.string());
    const QString key = file + QStringLiteral("@%1x%2").arg(size.width()).arg(size.height());
    if (auto found = cache.constFind(key); found != cache.constEnd()) {
        return *found;
    }
    QPixmap picture(size);
    picture.fill(Qt::white);
    QPainter painter(&picture);
    QSvgRenderer renderer(file);
    if (renderer.isValid()) {
        QSizeF drawn = renderer.defaultSize();
        drawn.scale(QSizeF(size), Qt::KeepAspectRatio);
        const QPointF origin((size.width() - drawn.width()) / 2, (size.height() - drawn.height()) / 2);
        renderer.render(&painter, QRectF(origin, drawn));
    } else {
        painter.fillRect(picture.rect(), QColor(0xdd, 0xdd, 0xdd));
    }
    painter.setPen(QColor(0x99, 0x99, 0x99));
    painter.drawRect(picture.rect().adjusted(0, 0, -1, -1));
    painter.end();
    cache.insert(key, picture);
    return picture;
}

} // namespace backscreen::app
