# VssBot: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t vssbot .
#   docker run -p 8080:8080 -v vssbot-data:/data -e Storage__Password=<long random secret> vssbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props VssBot.sln ./
COPY src/ src/
RUN dotnet publish src/VssBot/VssBot.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Configuration and dialog content stay plain files, so an office can edit them
# (or mount its own over /app/dialogs) without a build.
COPY appsettings.json ./
COPY dialogs/ ./dialogs/
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataDirectory=/data \
    HealthCheck__Url=http://127.0.0.1:8080/healthz
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["dotnet", "VssBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "VssBot.dll"]
