#pragma once

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPen>
#include <QPixmap>
#include <QRect>
#include <QSet>
#include <QString>
#include <QWidget>

#include <gtest/gtest.h>

namespace backscreen::app::test {

/// The size every main-screen screenshot is taken at.
inline const QSize screenshotSize(1280, 800);

/// Grabs `widget`, checks the picture is not blank (many colours, not one flat fill) and saves it as
/// `name`.png: into the build tree normally, so a test run leaves the checkout clean, and into docs/images/
/// for the user guide when BACKSCREEN_UPDATE_SCREENSHOTS=1 is set.
inline void grabAndCheck(QWidget& widget, const QString& name, QSize expectedSize)
{
    QApplication::processEvents();
    const QImage image = widget.grab().toImage();
    EXPECT_EQ(image.size(), expectedSize) << name.toStdString();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            colours.insert(image.pixel(x, y));
        }
    }
    EXPECT_GT(colours.size(), 16) << name.toStdString() << " looks blank";
    const QString directory = qEnvironmentVariableIntValue("BACKSCREEN_UPDATE_SCREENSHOTS") == 1
                                  ? QStringLiteral(BACKSCREEN_SOURCE_DIR "/docs/images")
                                  : QDir::currentPath() + QStringLiteral("/screenshots");
    ASSERT_TRUE(QDir().mkpath(directory));
    EXPECT_TRUE(image.save(directory + QLatin1Char('/') + name + QStringLiteral(".png"))) << name.toStdString();
}

/// grabAndCheck of a dialog over its window, as the user sees it. Offscreen windows have no frame: the window
/// behind is dimmed and the dialog outlined as a window manager would, centred across and a third down.
inline void grabDialogOverWindowAndCheck(QWidget& window, QWidget& dialog, const QString& name, QSize expectedSize)
{
    QPixmap picture = window.grab();
    {
        QPainter painter(&picture);
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 60));
        const QPixmap dialogPicture = dialog.grab();
        const QRect frame((picture.width() - dialogPicture.width()) / 2,
                          (picture.height() - dialogPicture.height()) / 3,
                          dialogPicture.width(),
                          dialogPicture.height());
        painter.drawPixmap(frame.topLeft(), dialogPicture);
        painter.setPen(QPen(QColor(60, 60, 60), 2));
        painter.drawRect(frame.adjusted(-1, -1, 1, 1));
    }
    QLabel screen;
    screen.setPixmap(picture);
    screen.resize(picture.size());
    grabAndCheck(screen, name, expectedSize);
}

} // namespace backscreen::app::test
