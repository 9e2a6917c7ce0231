package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;

import org.buildwithukraine.testsupport.TestTokens;

import io.restassured.specification.RequestSpecification;

/** Requests through the gateway as some caller. */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization);
    }

    static RequestSpecification as(TestTokens.Builder token) {
        return as(token.bearer());
    }

    static TestTokens.Builder user(String name, String... roles) {
        return TestTokens.user(name, roles);
    }
}
