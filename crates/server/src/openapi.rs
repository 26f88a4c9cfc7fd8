//! The OpenAPI 3 document of the API, served at `/api/openapi.json`. A test checks that its
//! paths and methods are exactly [`crate::api::ROUTES`].

use serde_json::{Value, json};

fn string_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description,
           "schema": {"type": "string"}})
}

fn filter_params() -> Vec<Value> {
    vec![
        string_param("from", "First day, YYYY-MM-DD (inclusive)."),
        string_param("to", "Last day, YYYY-MM-DD (inclusive)."),
        string_param("actor", "Source or target: a code prefix (RUS) or words of the name."),
        string_param("dyad", "SOURCE,TARGET code prefixes, in that direction."),
        string_param("code", "CAMEO event code prefix (04, 042)."),
        string_param("root", "Two-digit CAMEO root code."),
        json!({"name": "quad", "in": "query", "required": false,
               "description": "Quad class 1-4.",
               "schema": {"type": "integer", "minimum": 1, "maximum": 4}}),
        string_param("country", "ISO alpha-3: the event's location or either actor's country."),
        string_param("location", "Words of the location name."),
        string_param("location_country", "ISO alpha-3 country of the event's location only."),
        string_param(
            "bbox",
            "MINLON,MINLAT,MAXLON,MAXLAT in degrees: only events located in this box \
             (west > east crosses the antimeridian).",
        ),
        string_param("text", "Words that a reporting sentence contains (full text)."),
        string_param("article", "Only events reported by this article id."),
        json!({"name": "run", "in": "query", "required": false,
               "description": "Read this run instead of the current one.",
               "schema": {"type": "integer"}}),
    ]
}

fn limit_param(max: usize) -> Value {
    json!({"name": "limit", "in": "query", "required": false,
           "description": format!("At most this many items (1 to {max})."),
           "schema": {"type": "integer", "minimum": 1, "maximum": max}})
}

fn id_param(kind: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true,
           "schema": {"type": kind}})
}

fn answers(description: &str) -> Value {
    json!({
        "200": {"description": description,
                "content": {"application/json": {"schema": {"type": "object"}}}},
        "400": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"},
        "500": {"$ref": "#/components/responses/Error"},
    })
}

/// The document.
pub fn document() -> Value {
    let mut events_params = filter_params();
    events_params.push(limit_param(500));
    events_params.push(json!({"name": "after", "in": "query", "required": false,
        "description": "Cursor: the `next_after` of the previous page.",
        "schema": {"type": "integer"}}));
    let mut aggregate_params = filter_params();
    aggregate_params.push(json!({"name": "by", "in": "query", "required": false,
        "schema": {"type": "string", "enum": ["day", "week", "month", "year"]}}));
    aggregate_params.push(json!({"name": "group", "in": "query", "required": false,
        "schema": {"type": "string", "enum": ["actor", "dyad"]}}));
    aggregate_params.push(limit_param(10_000));
    let mut places_params = filter_params();
    places_params.push(limit_param(5_000));
    let mut write_answers = answers("What the ingest did: articles read, added, replaced, events.");
    write_answers["201"] = write_answers["200"].take();
    write_answers.as_object_mut().map(|o| o.remove("200"));
    write_answers["401"] = json!({"$ref": "#/components/responses/Error"});
    write_answers["403"] = json!({"$ref": "#/components/responses/Error"});
    write_answers["413"] = json!({"$ref": "#/components/responses/Error"});
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "dyad",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Political event data: coded events, their sentences and aggregates.",
        },
        "paths": {
            "/api/events": {"get": {
                "summary": "Events that pass the filters, by id, one page at a time.",
                "parameters": events_params,
                "responses": answers("`events` (the event format) and `next_after` (null on the last page)."),
            }},
            "/api/events/{id}": {"get": {
                "summary": "One event with its mentions: sentence text, highlighted spans, rule.",
                "parameters": [id_param("integer")],
                "responses": answers("The event, with `mentions` in detail."),
            }},
            "/api/aggregate": {"get": {
                "summary": "Events, mentions, Goldstein sum and mean, quad classes by period and/or group.",
                "parameters": aggregate_params,
                "responses": answers("`rows`."),
            }},
            "/api/actors": {"get": {
                "summary": "Actor codes by code prefix or words of their text, most events first.",
                "parameters": [string_param("q", "Code prefix (RUS) or words (putin)."), limit_param(500)],
                "responses": answers("`actors`: code, text, events."),
            }},
            "/api/places": {"get": {
                "summary": "Places of the located events that pass the filters, most events first (the map).",
                "parameters": places_params,
                "responses": answers("`places`: name, country, lat, lon, precision (finest among its events), events."),
            }},
            "/api/articles/{id}": {"get": {
                "summary": "A stored article with its sentence spans and events.",
                "parameters": [id_param("string")],
                "responses": answers("The article."),
            }},
            "/api/articles": {"post": {
                "summary": "Code and store articles (needs the bearer token).",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {
                    "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Article"}}},
                    "application/x-ndjson": {"schema": {"$ref": "#/components/schemas/Article"}},
                }},
                "responses": write_answers,
            }},
            "/api/code": {"post": {
                "summary": "Code a text without storing it.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["text"],
                    "properties": {
                        "text": {"type": "string"},
                        "date": {"type": "string", "description": "YYYY-MM-DD"},
                        "id": {"type": "string"},
                        "title": {"type": "string"},
                    },
                }}}},
                "responses": answers("`sentences`, `events` and `diagnostics`."),
            }},
            "/api/openapi.json": {"get": {
                "summary": "This document.",
                "responses": {"200": {"description": "OpenAPI 3 document."}},
            }},
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Article": {"type": "object", "required": ["id", "text"], "properties": {
                    "id": {"type": "string"}, "date": {"type": "string"},
                    "source": {"type": "string"}, "title": {"type": "string"},
                    "text": {"type": "string"},
                }},
                "Error": {"type": "object", "properties": {
                    "error": {"type": "string"}, "status": {"type": "integer"},
                }},
            },
            "responses": {"Error": {"description": "An error.", "content": {"application/json":
                {"schema": {"$ref": "#/components/schemas/Error"}}}}},
        },
    })
}
