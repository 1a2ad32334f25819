package dev.nayose.ingest.adapter.in.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document ({@code /v3/api-docs}) says about the API as a whole: its name and how to authenticate. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "nayose upload API", version = "v1",
    description = "Partners upload job-posting CSV files (UTF-8 or Shift_JIS) and follow their processing."))
@SecuritySchemes({
    @SecurityScheme(name = OpenApiDocument.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ApiKeyFilter.API_KEY_HEADER, description = "The partner's API key"),
    @SecurityScheme(name = OpenApiDocument.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The same API key as a bearer token")})
class OpenApiDocument {
  static final String API_KEY = "ApiKey";
  static final String BEARER = "Bearer";
}
