#pragma once

#include <string>

namespace backscreen::db {

class Database;

enum class TransactionKind
{
    /// Reads that must see one consistent state (a client's history).
    Read,
    /// Takes the write lock at the start (SQLite BEGIN IMMEDIATE).
    Write,
};

/// RAII: begins a transaction, and rolls it back when destroyed without commit() (an exception, an early
/// return), so every write is all or nothing. Nested transactions join the outermost one: only the
/// outermost commits, and an inner one left uncommitted makes the outer commit fail instead of saving half.
class Transaction
{
public:
    Transaction(Database& database, TransactionKind kind, std::string operation);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits (outermost) or hands over to the enclosing transaction. Failures throw the translated Error;
    /// the transaction is then rolled back.
    void commit();

private:
    Database& m_database;
    std::string m_operation;
    bool m_outermost = false;
    bool m_done = false;
};

} // namespace backscreen::db
