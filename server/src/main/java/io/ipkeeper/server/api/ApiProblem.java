package io.ipkeeper.server.api;

import java.util.Map;

/** Thrown by route code to answer with a problem document (mapped by {@link ApiExceptions}). */
public final class ApiProblem extends RuntimeException {
    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the request itself is malformed (query parameter, header, JSON shape). */
    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(Problem.of(400, "bad-request", "Bad request", detail, null));
    }

    /** 422: well-formed but a value is not acceptable. */
    public static ApiProblem invalid(String detail) {
        return new ApiProblem(Problem.of(422, "invalid-request", "Invalid request", detail, null));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(Problem.of(404, "not-found", "Not found", detail, null));
    }

    public static ApiProblem of(int status, String kind, String title, String detail, Map<String, Object> extensions) {
        return new ApiProblem(Problem.of(status, kind, title, detail, null).with(extensions));
    }
}
