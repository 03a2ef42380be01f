package io.acog.jooq;

import java.util.List;
import org.jooq.DSLContext;

/**
 * What a schema holds, read from pg_catalog as sorted lines of text: the form in which tests
 * compare a migrated schema with the seed, or two schemas with each other. ACOG's migration
 * history table is left out; the schema's own name is cut from definitions so that two schemas
 * of different names compare equal.
 */
record SchemaCatalog(
        List<String> tables,
        List<String> columns,
        List<String> constraints,
        List<String> indexes,
        List<String> enums,
        List<String> functions,
        List<String> triggers,
        List<String> comments) {

    static SchemaCatalog read(DSLContext db, String schema) {
        return new SchemaCatalog(
                lines(db, schema, """
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                          AND c.relname <> 'acog_schema_history'
                        ORDER BY 1"""),
                lines(db, schema, """
                        SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                               || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                               || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                        FROM pg_attribute a
                        JOIN pg_class c ON c.oid = a.attrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                        WHERE n.nspname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                          AND c.relname <> 'acog_schema_history'
                        ORDER BY c.relname, a.attnum"""),
                lines(db, schema, """
                        SELECT c.relname || ': ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                        FROM pg_constraint k
                        JOIN pg_class c ON c.oid = k.conrelid
                        JOIN pg_namespace n ON n.oid = k.connamespace
                        WHERE n.nspname = ? AND c.relname <> 'acog_schema_history'
                        ORDER BY 1"""),
                lines(db, schema, """
                        SELECT indexdef FROM pg_indexes
                        WHERE schemaname = ? AND tablename <> 'acog_schema_history'
                        ORDER BY indexname"""),
                lines(db, schema, """
                        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
                        FROM pg_type t
                        JOIN pg_enum e ON e.enumtypid = t.oid
                        JOIN pg_namespace n ON n.oid = t.typnamespace
                        WHERE n.nspname = ?
                        GROUP BY t.typname
                        ORDER BY 1"""),
                lines(db, schema, """
                        SELECT p.proname || '(' || pg_get_function_arguments(p.oid) || ') RETURNS '
                               || pg_get_function_result(p.oid) || ' LANGUAGE ' || l.lanname
                               || ' AS ' || btrim(regexp_replace(p.prosrc, '\\s+', ' ', 'g'))
                        FROM pg_proc p
                        JOIN pg_language l ON l.oid = p.prolang
                        JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = ?
                        ORDER BY 1"""),
                lines(db, schema, """
                        SELECT pg_get_triggerdef(t.oid)
                        FROM pg_trigger t
                        JOIN pg_class c ON c.oid = t.tgrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = ? AND NOT t.tgisinternal
                        ORDER BY t.tgname"""),
                lines(db, schema, """
                        SELECT c.relname || coalesce('.' || a.attname, '') || ': ' || d.description
                        FROM pg_description d
                        JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
                        JOIN pg_namespace n ON n.oid = c.relnamespace
                        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
                                                AND d.objsubid > 0
                        WHERE n.nspname = ?
                        ORDER BY 1"""));
    }

    private static List<String> lines(DSLContext db, String schema, String sql) {
        return db.fetch(sql, schema).getValues(0, String.class).stream()
                .map(line -> line.replace(" " + schema + ".", " ").replace("(" + schema + ".", "("))
                .toList();
    }
}
