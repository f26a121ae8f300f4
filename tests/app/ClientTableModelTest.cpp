#include "app/gui/ClientTableModel.h"

#include "app/gui/ClientFilterProxyModel.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using backscreen::app::ClientFilterProxyModel;
using backscreen::app::ClientTableModel;
using backscreen::db::ClientRecord;

namespace {

ClientRecord makeClient(
    backscreen::db::RecordId id, const char* family, const char* given, const char* birthDate, bool archived = false)
{
    ClientRecord client;
    client.id = id;
    client.familyName = family;
    client.givenName = given;
    client.birthDate = birthDate;
    client.archived = archived;
    return client;
}

std::vector<ClientRecord> sampleClients()
{
    return {makeClient(1, "Okafor", "Grace", "1988-05-02"),
            makeClient(2, "Hughes", "Martin", "1984-03-12"),
            makeClient(3, "Özil", "Deniz", "1990-11-05"),
            makeClient(4, "Lindqvist-Berg", "Anna", "1997-02-19"),
            makeClient(5, "Okoro", "Emeka", "1975-07-30", true)};
}

QStringList visibleFamilyNames(const ClientFilterProxyModel& proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        names << proxy.index(row, ClientTableModel::FamilyNameColumn).data().toString();
    }
    names.sort();
    return names;
}

} // namespace

TEST(ClientTableModel, PassesTheModelTesterThroughResetsAndUpserts)
{
    ClientTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClients(sampleClients());
    ASSERT_EQ(model.rowCount(), 5);
    ASSERT_EQ(model.columnCount(), 4);
    model.upsertClient(makeClient(6, "Patel", "Ravi", "1991-08-30"));
    EXPECT_EQ(model.rowCount(), 6);
    ClientRecord renamed = makeClient(2, "Hughes-Smith", "Martin", "1984-03-12");
    model.upsertClient(renamed);
    EXPECT_EQ(model.rowCount(), 6);
    EXPECT_EQ(model.index(1, ClientTableModel::FamilyNameColumn).data().toString(), QStringLiteral("Hughes-Smith"));
    EXPECT_EQ(model.index(1, 0).data(ClientTableModel::ClientIdRole).toLongLong(), 2);
    EXPECT_EQ(model.index(4, ClientTableModel::StatusColumn).data().toString(), QStringLiteral("Archived"));
    EXPECT_EQ(model.index(0, ClientTableModel::StatusColumn).data().toString(), QStringLiteral("Active"));
    EXPECT_EQ(model.headerData(ClientTableModel::BirthDateColumn, Qt::Horizontal).toString(),
              QStringLiteral("Date of birth"));
    EXPECT_EQ(model.rowOf(42), -1);
}

TEST(ClientFilterProxyModel, SearchesNamePrefixesAndBirthDatesAsYouType)
{
    ClientTableModel model;
    model.setClients(sampleClients());
    ClientFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    EXPECT_EQ(visibleFamilyNames(proxy), (QStringList{"Hughes", "Lindqvist-Berg", "Okafor", "Özil"}));
    proxy.setSearchText(QStringLiteral("ok"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Okafor"});
    proxy.setSearchText(QStringLiteral("oka gr"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Okafor"});
    proxy.setSearchText(QStringLiteral("oka martin"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{});
    proxy.setSearchText(QStringLiteral("1988-05"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Okafor"});
    proxy.setSearchText(QStringLiteral("OZIL"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Özil"});
    proxy.setSearchText(QStringLiteral("berg"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Lindqvist-Berg"});
    proxy.setSearchText(QStringLiteral("artin"));
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{});
}

TEST(ClientFilterProxyModel, HidesArchivedClientsUnlessAsked)
{
    ClientTableModel model;
    model.setClients(sampleClients());
    ClientFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSearchText(QStringLiteral("oko"));
    EXPECT_EQ(proxy.rowCount(), 0);
    proxy.setShowArchived(true);
    EXPECT_EQ(visibleFamilyNames(proxy), QStringList{"Okoro"});
}

TEST(ClientFilterProxyModel, FiltersTenThousandClients)
{
    std::vector<ClientRecord> clients;
    for (int id = 1; id <= 10000; ++id) {
        clients.push_back(makeClient(id, id % 2 == 0 ? "Smith" : "Jones", "Sam", "1970-01-01"));
    }
    clients.push_back(makeClient(10001, "Zebedee", "Sam", "2001-12-24"));
    ClientTableModel model;
    model.setClients(std::move(clients));
    ClientFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("zeb"));
    ASSERT_EQ(proxy.rowCount(), 1);
    EXPECT_EQ(proxy.index(0, ClientTableModel::BirthDateColumn).data().toString(), QStringLiteral("2001-12-24"));
    proxy.setSearchText(QStringLiteral("smi"));
    EXPECT_EQ(proxy.rowCount(), 5000);
}
