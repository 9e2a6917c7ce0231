package org.buildwithukraine.gateway;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;

import org.buildwithukraine.testsupport.TestTokens;

import io.restassured.specification.RequestSpecification;

/** Requests through the gateway as some caller. */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    /** Sends a GET as this caller without waiting for the answer: many at once go over connections of their own. */
    static CompletableFuture<HttpResponse<String>> getAsync(URI uri, TestTokens.Builder caller) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", caller.bearer()).build(),
                BodyHandlers.ofString());
    }
}
