// SEN support assistant on Azure, in one resource group:
//   App Service plan (Linux) + Web App (Node 22 LTS) running the package `npm run package` builds,
//   with an instance count and CPU autoscale; an Azure Bot (single-tenant app registration or a
//   user-assigned managed identity) with the Teams and Direct Line channels; a Storage account
//   with the conversation-state container, the call-back table and the lifecycle rule that deletes
//   old state; optionally Application Insights.
// main.json beside this file is the same template in ARM JSON, kept in step by hand and checked by
// tests/deployment/templates.test.ts (no Bicep compiler installs offline here): after editing
// either, edit the other, or, where the Bicep CLI is installed, `az bicep build --file main.bicep`.

@description('Name of the bot and the web app (https://<botName>.azurewebsites.net); also the base of the storage account name.')
@minLength(2)
@maxLength(42)
param botName string

@description('Region for the web app, the storage account and Application Insights.')
param location string = resourceGroup().location

@description('App Service plan size. Autoscale needs Standard (S1) or Premium; the default runs two small Premium v3 instances.')
@allowed(['B1', 'B2', 'S1', 'S2', 'P0v3', 'P1v3', 'P2v3'])
param appServicePlanSku string = 'P0v3'

@description('Instances to run (and autoscale\'s minimum). Two or more: every instance serves any conversation (state is in shared storage).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Scale out on CPU, up to autoscaleMaxInstances (needs an S or P plan).')
param enableAutoscale bool = true

@description('The most instances autoscale may run.')
@minValue(1)
@maxValue(20)
param autoscaleMaxInstances int = 4

@description('How the bot authenticates: SingleTenant (an Entra app registration with a client secret) or UserAssignedMSI (a managed identity this template creates; no secret). Azure no longer creates multi-tenant bots.')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param microsoftAppType string = 'SingleTenant'

@description('SingleTenant: the client id of the bot\'s Entra app registration. Ignored for UserAssignedMSI (the identity\'s client id is used).')
param microsoftAppId string = ''

@description('SingleTenant: the app registration\'s client secret. For UserAssignedMSI pass an empty string.')
@secure()
param microsoftAppPassword string

@description('The Entra tenant of the app registration or identity.')
param microsoftAppTenantId string = subscription().tenantId

@description('The Azure Bot\'s pricing tier (F0 free, S1 standard).')
@allowed(['F0', 'S1'])
param botSku string = 'S1'

@description('The key officers send as "Authorization: Bearer <key>" to /api/requests; at least 16 characters.')
@secure()
@minLength(16)
param officerApiKey string

@description('The Direct Line service the web chat uses: the global one, or the region\'s for a regional bot.')
param directLineDomain string = 'https://directline.botframework.com/v3/directline'

@description('Conversation state untouched for this many days is deleted (the app and the blob lifecycle rule both use it).')
@minValue(1)
@maxValue(365)
param stateTtlDays int = 30

@description('Call-back requests older than this many days are deleted by the app.')
@minValue(1)
@maxValue(365)
param callbackRetentionDays int = 30

@description('The deployment\'s own JSON file inside the package (empty: ./deployment.json when the package has one).')
param deploymentConfig string = ''

@description('The service\'s Teams channel for new call-back requests (19:…@thread.tacv2); empty: none. Set with the two below once the Teams app is installed.')
param teamsNotifyChannelId string = ''

@description('The Bot Connector address for that team\'s region, e.g. https://smba.trafficmanager.net/uk/.')
param teamsNotifyServiceUrl string = ''

@description('The Microsoft 365 tenant (a GUID) of that team.')
param teamsTenantId string = ''

@description('Log level: fatal, error, warn, info, debug or silent.')
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'silent'])
param logLevel string = 'info'

@description('On SIGTERM, seconds the turns in flight get to finish before the process exits.')
@minValue(1)
@maxValue(120)
param shutdownGraceSeconds int = 10

@description('Matching: semantic (sentence vectors with lexical scores) or lexical (lexical scores only). The app reads it as MATCHING.')
@allowed(['semantic', 'lexical'])
param matching string = 'semantic'

@description('Usage records for the officers\' reports older than this many days are deleted by the app.')
@minValue(1)
@maxValue(730)
param analyticsRetentionDays int = 90

@description('Keep the question text in usage records, after personal details are redacted (never for urgent or safeguarding turns).')
param logQuestions bool = false

@description('The council websites that may embed the chat (EMBED_ORIGINS): origins separated by commas, such as https://www.example.gov.uk. Empty: none.')
param embedOrigins string = ''

@description('Create Application Insights (with a Log Analytics workspace) and turn on App Service\'s Node.js agent.')
param enableApplicationInsights bool = true

var webAppName = botName
var planName = '${botName}-plan'
var storageName = take(toLower(replace('${botName}state', '-', '')), 24)
var stateContainer = 'bot-state'
var callbackTable = 'callbackrequests'
var analyticsTable = 'turnrecords'
var identityName = '${botName}-identity'
var workspaceName = '${botName}-logs'
var appInsightsName = '${botName}-insights'
var endpoint = 'https://${botName}.azurewebsites.net/api/messages'
var useIdentity = microsoftAppType == 'UserAssignedMSI'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainerResource 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: stateContainer
  properties: { publicAccess: 'None' }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource callbackTableResource 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: callbackTable
}

resource analyticsTableResource 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: analyticsTable
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-conversation-state'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['${stateContainer}/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: stateTtlDays } } }
          }
        }
      ]
    }
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (useIdentity) {
  name: identityName
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = if (enableApplicationInsights) {
  name: workspaceName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = if (enableApplicationInsights) {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: workspace.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: { name: appServicePlanSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = if (enableAutoscale) {
  name: '${planName}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: { minimum: string(instanceCount), maximum: string(max(instanceCount, autoscaleMaxInstances)), default: string(instanceCount) }
        rules: [
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: plan.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT10M', timeAggregation: 'Average', operator: 'GreaterThan', threshold: 70 }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT10M' }
          }
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: plan.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT20M', timeAggregation: 'Average', operator: 'LessThan', threshold: 30 }
            scaleAction: { direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT20M' }
          }
        ]
      }
    ]
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: useIdentity ? { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } } : { type: 'None' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
    }
  }
}

resource ftpOff 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'SEN support assistant'
    endpoint: endpoint
    msaAppId: useIdentity ? identity.properties.clientId : microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppTenantId
    msaAppMSIResourceId: useIdentity ? identity.id : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        { siteName: 'Website', isEnabled: true, isV1Enabled: false, isV3Enabled: true, isSecureSiteEnabled: false }
      ]
    }
  }
}

// Every setting of .env.example the server reads is here, or is listed in README.md ("Settings the
// template does not set") with the reason. Secrets come from secure parameters or from the
// resources themselves (listKeys, listChannelWithKeys), never from plain text.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    MicrosoftAppId: useIdentity ? identity.properties.clientId : microsoftAppId
    MicrosoftAppPassword: useIdentity ? '' : microsoftAppPassword
    MicrosoftAppType: microsoftAppType
    MicrosoftAppTenantId: microsoftAppTenantId
    STATE_STORE: 'blob'
    CALLBACK_STORE: 'table'
    CALLBACK_TABLE: callbackTable
    AZURE_STORAGE_CONTAINER: stateContainer
    AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    STATE_TTL_DAYS: string(stateTtlDays)
    CALLBACK_RETENTION_DAYS: string(callbackRetentionDays)
    OFFICER_API_KEY: officerApiKey
    DIRECT_LINE_SECRET: directLineChannel.listChannelWithKeys().properties.properties.sites[0].key
    DIRECT_LINE_DOMAIN: directLineDomain
    DEPLOYMENT_CONFIG: deploymentConfig
    TEAMS_NOTIFY_CHANNEL_ID: teamsNotifyChannelId
    TEAMS_NOTIFY_SERVICE_URL: teamsNotifyServiceUrl
    TEAMS_TENANT_ID: teamsTenantId
    DATA_DIR: '/home/data'
    LOG_LEVEL: logLevel
    SHUTDOWN_GRACE_SECONDS: string(shutdownGraceSeconds)
    MATCHING: matching
    ANALYTICS_STORE: 'table'
    ANALYTICS_TABLE: analyticsTable
    ANALYTICS_RETENTION_DAYS: string(analyticsRetentionDays)
    LOG_QUESTIONS: logQuestions ? 'true' : 'false'
    EMBED_ORIGINS: embedOrigins
    TRUST_PROXY_HOPS: '1'
    APPLICATIONINSIGHTS_CONNECTION_STRING: enableApplicationInsights ? appInsights.properties.ConnectionString : ''
    ApplicationInsightsAgent_EXTENSION_VERSION: enableApplicationInsights ? '~3' : ''
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    WEBSITE_NODE_DEFAULT_VERSION: '~22'
  }
  dependsOn: [
    stateContainerResource
    callbackTableResource
    analyticsTableResource
    teamsChannel
  ]
}

output botEndpoint string = endpoint
output webAppName string = webApp.name
output webAppUrl string = 'https://${webApp.properties.defaultHostName}'
output storageAccountName string = storage.name
output microsoftAppId string = useIdentity ? identity.properties.clientId : microsoftAppId
