package id.serambi.common;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.ContextInternal;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The pool with its waiting done here, not in the SQL client, whose acquisition timeout loses connections in the
 * pinned Vert.x 4.5 (issue 21, RELIABILITY.md "Connection pool under overload"): when a waiter's timer fires just as a
 * returned connection is being handed to it on another event loop, the pool's cancel wrongly succeeds (the waiter was
 * taken off the queue without being marked, eclipse-vertx/vert.x#6169, fixed in Vert.x 5.1 only), the caller gets
 * "Timeout", and the connection that then arrives is dropped unseen: never used, never given back. Under overload the
 * pool drains one connection at a time until every request waits and fails.
 * <p>
 * So callers queue here (at most {@code maxWaiting}; a caller who waited {@code timeoutMillis} is taken off the queue
 * and gets the SQL client's own "Timeout waiting for connection", a 503 by {@link DatabaseUnavailable}), and at most
 * {@code size} connections are asked of the wrapped pool, which therefore never makes anyone wait long and has no
 * timeout of its own: nothing in it is ever cancelled. A connection is handed out wrapped, so that closing it lets
 * the next caller in. Queries on the pool itself run on such a connection, so they are bounded alike.
 */
final class BoundedWaitPool implements PgPool {

    private static final String TIMEOUT = "Timeout waiting for connection";

    private final Vertx vertx;
    private final Pool pool;
    private final long timeoutMillis;
    private final int maxWaiting;
    /** Connections that may still be asked of the wrapped pool, and the callers waiting for one: both under this. */
    private int free;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

    /** A caller, on its own context; its timer is -1 until set. */
    private static final class Waiter {
        final ContextInternal context;
        final Promise<SqlConnection> result;
        final long deadline;
        volatile long timer = -1;

        Waiter(ContextInternal context, long timeoutMillis) {
            this.context = context;
            this.result = context.promise();
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }
    }

    BoundedWaitPool(Vertx vertx, Pool pool, int size, long timeoutMillis, int maxWaiting) {
        this.vertx = vertx;
        this.pool = pool;
        this.free = size;
        this.timeoutMillis = timeoutMillis;
        this.maxWaiting = maxWaiting;
    }

    @Override
    public Future<SqlConnection> getConnection() {
        Waiter waiter = new Waiter((ContextInternal) vertx.getOrCreateContext(), timeoutMillis);
        synchronized (this) {
            if (free > 0) {
                free--;
            } else if (maxWaiting >= 0 && waiting.size() >= maxWaiting) {
                return waiter.context.failedFuture(new ConnectionPoolTooBusyException(
                        "Connection pool reached max wait queue size of " + maxWaiting));
            } else {
                waiting.add(waiter);
                if (timeoutMillis > 0) {
                    waiter.timer = vertx.setTimer(timeoutMillis, id -> giveUp(waiter));
                }
                return waiter.result.future();
            }
        }
        take(waiter);
        return waiter.result.future();
    }

    /** The caller waited long enough; unless a connection is already on its way to it (then the timer is harmless). */
    private void giveUp(Waiter waiter) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(waiter);
        }
        if (removed) {
            waiter.result.tryFail(new VertxException(TIMEOUT, true));
        }
    }

    /**
     * Asks the wrapped pool for a connection for this caller, on the caller's context (the connection's from then).
     * The wait stays bounded even if getting it is slow (a new connection to a server that does not answer): a
     * connection that comes after its caller gave up is given straight back.
     */
    private void take(Waiter waiter) {
        if (waiter.timer != -1) {
            vertx.cancelTimer(waiter.timer);
        }
        Runnable ask = () -> {
            long left = TimeUnit.NANOSECONDS.toMillis(waiter.deadline - System.nanoTime());
            long timer = timeoutMillis > 0 ? vertx.setTimer(Math.max(1, left),
                    id -> waiter.result.tryFail(new VertxException(TIMEOUT, true))) : -1;
            pool.getConnection().onComplete(ar -> {
                if (timer != -1) {
                    vertx.cancelTimer(timer);
                }
                if (ar.failed()) {
                    release();
                    waiter.result.tryFail(ar.cause());
                } else {
                    SqlConnection connection = returning(ar.result());
                    if (!waiter.result.tryComplete(connection)) {
                        connection.close(); // too late: the next caller's
                    }
                }
            });
        };
        if (Vertx.currentContext() == waiter.context) {
            ask.run();
        } else {
            waiter.context.runOnContext(v -> ask.run());
        }
    }

    /** A connection given back (or never had): the next caller's turn. */
    private void release() {
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        take(next);
    }

    /**
     * The connection, with close() also letting the next caller in (once, after the wrapped pool has it back). Every
     * other call goes straight through; a fluent call's answer is this wrapper again, so it cannot be bypassed.
     */
    private SqlConnection returning(SqlConnection connection) {
        AtomicBoolean released = new AtomicBoolean();
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> type = connection.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (Modifier.isPublic(implemented.getModifiers())) {
                    interfaces.add(implemented);
                }
            }
        }
        Object[] self = new Object[1];
        InvocationHandler handler = (proxy, method, args) -> {
            Object answer;
            try {
                answer = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("close") && released.compareAndSet(false, true)) {
                if (answer instanceof Future<?> closed) {
                    closed.onComplete(ar -> release());
                } else {
                    release();
                }
            }
            return answer == connection ? self[0] : answer;
        };
        self[0] = Proxy.newProxyInstance(connection.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new),
                handler);
        return (SqlConnection) self[0];
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return new OnConnection<>(connection -> connection.query(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return new OnConnection<>(connection -> connection.preparedQuery(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return new OnConnection<>(connection -> connection.preparedQuery(sql, options));
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        pool.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        pool.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        pool.close(handler);
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    /**
     * A query of the pool: made on a connection taken with {@link #getConnection()} (so its wait is bounded) and given
     * back when it is done. A simple query is never asked for the prepared query's methods.
     */
    private final class OnConnection<T> implements PreparedQuery<T> {

        private final Function<SqlConnection, Query<T>> make;

        OnConnection(Function<SqlConnection, Query<T>> make) {
            this.make = make;
        }

        private PreparedQuery<T> prepared(SqlConnection connection) {
            return (PreparedQuery<T>) make.apply(connection);
        }

        @Override
        public Future<T> execute() {
            return withConnection(connection -> make.apply(connection).execute());
        }

        @Override
        public void execute(Handler<AsyncResult<T>> handler) {
            execute().onComplete(handler);
        }

        @Override
        public Future<T> execute(Tuple tuple) {
            return withConnection(connection -> prepared(connection).execute(tuple));
        }

        @Override
        public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
            execute(tuple).onComplete(handler);
        }

        @Override
        public Future<T> executeBatch(List<Tuple> batch) {
            return withConnection(connection -> prepared(connection).executeBatch(batch));
        }

        @Override
        public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
            executeBatch(batch).onComplete(handler);
        }

        @Override
        public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new OnConnection<>(connection -> make.apply(connection).collecting(collector));
        }

        @Override
        public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new OnConnection<>(connection -> make.apply(connection).mapping(mapper));
        }
    }
}
